"""The report's inline style sheet and its one small script (sortable tables).

No external resource: fonts are the reader's own (Chinese-capable families first), the script
is a few lines of plain JavaScript. Print: A4, the wide region tables on landscape pages,
table headers repeated on each page, charts and rows never split, the banner kept in colour.
"""

from __future__ import annotations

CSS = """
:root{--fg:#222;--muted:#5f6368;--line:#dcdfe6;--accent:#1f5fa8;--warn:#8a6d00}
*{box-sizing:border-box}
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Zen Hei","Microsoft YaHei",
"PingFang SC","Hiragino Sans GB",Arial,Helvetica,sans-serif;color:var(--fg);line-height:1.45;
margin:0 auto;max-width:1120px;padding:0 24px 48px;font-size:14px;background:#fff}
header{border-bottom:3px solid var(--accent);margin-bottom:12px;padding:16px 0 8px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:28px 0 8px;color:var(--accent);
border-bottom:1px solid var(--line);padding-bottom:3px}h3{font-size:15px;margin:18px 0 6px}
.subtitle,.note,footer{color:var(--muted)}.note{margin:6px 0;font-size:13px}
.banner{background:#fff3cd;border:2px solid #d39e00;color:#5c4400;padding:10px 14px;margin:12px 0;
font-weight:600;border-radius:4px}.banner.draft{background:#f8d7da;border-color:#c82333;color:#721c24}
.banner ul{margin:4px 0 0;font-weight:400}
nav.toc ol{columns:2;margin:4px 0 0;padding-left:22px}nav.toc a{color:var(--accent)}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:10px 0}
.card{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:170px}
.card-label{color:var(--muted);font-size:12px}.card-value{font-size:22px;font-weight:700;
font-variant-numeric:tabular-nums}.card-unit{color:var(--muted);font-size:12px}
table{border-collapse:collapse;margin:8px 0 18px;font-size:13px}
caption{text-align:left;color:var(--muted);font-size:12px;padding:2px 0 4px;caption-side:top}
table.figures{min-width:460px}table.figures caption{white-space:nowrap}
table.data td:not(.num){white-space:nowrap}
th,td{border-bottom:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #999;background:#f5f7fa}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.total th,tr.total td{font-weight:700}
table.sortable th button{all:unset;cursor:pointer;display:block}
table.sortable th[aria-sort=ascending] button::after{content:" \\25B2"}
table.sortable th[aria-sort=descending] button::after{content:" \\25BC"}
table.sortable tbody tr:nth-child(even){background:#fafbfc}
.table-wrap{overflow-x:auto}
figure.chart-box{margin:10px 0 16px;break-inside:avoid}
svg.chart{width:100%;max-width:760px;height:auto;display:block}
svg.chart-map{max-width:700px}
svg .chart-title{font-weight:700;font-size:13px}svg .tick,svg .legend{fill:#5f6368;font-size:11px}
svg .axis-label{fill:#5f6368;font-size:11px}svg .value{font-variant-numeric:tabular-nums}
code{font-family:"DejaVu Sans Mono",Consolas,monospace;font-size:12px}
code.hash{font-size:11px;word-break:break-all}
table.prov td{max-width:520px;word-break:break-word}
#prov-editions td:nth-child(3),#prov-ledgers td{white-space:nowrap}
ol.warnings li{margin:3px 0}
footer{border-top:1px solid var(--line);margin-top:32px;padding-top:8px;font-size:12px}
@page{size:A4;margin:14mm 12mm}
@page wide{size:A4 landscape;margin:12mm}
@media print{
 body{max-width:none;padding:0;font-size:11px}
 nav.toc,.no-print{display:none}
 .banner,thead th,.card{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 h2,h3{break-after:avoid}
 thead{display:table-header-group}
 tr,figure,.card,.banner{break-inside:avoid}
 .table-wrap{overflow:visible}
 table{font-size:9.5px}table.data{width:100%}
 th,td{padding:2px 4px}
 #regions,#rollup{page:wide}
 svg.chart{max-width:170mm}
 a{color:inherit;text-decoration:none}
}
"""

#: sorts ``table.sortable`` on a click of a heading (numbers by ``data-v``; empty cells last),
#: and on load as ``#sort=TABLE:COLUMN:ascending|descending`` asks (a link to a sorted view)
SCRIPT = """
(function(){
function key(td,num){var v=td.getAttribute('data-v');if(!num)return v||'';
 if(v===null||v==='')return null;return parseFloat(v);}
function sort(t,col,dir){var th=t.tHead.rows[0].cells,num=th[col].getAttribute('data-type')==='num',
 body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows);
 rows.sort(function(a,b){var x=key(a.cells[col],num),y=key(b.cells[col],num);
  if(x===null)return y===null?0:1;if(y===null)return -1;
  var c=num?x-y:x.localeCompare(y,'zh-Hans-CN');return dir==='ascending'?c:-c;});
 rows.forEach(function(r){body.appendChild(r);});
 for(var i=0;i<th.length;i++)th[i].setAttribute('aria-sort',i===col?dir:'none');}
Array.prototype.forEach.call(document.querySelectorAll('table.sortable'),function(t){
 Array.prototype.forEach.call(t.tHead.rows[0].cells,function(th,i){
  th.querySelector('button').addEventListener('click',function(){
   var now=th.getAttribute('aria-sort'),num=th.getAttribute('data-type')==='num';
   sort(t,i,now==='none'?(num?'descending':'ascending'):(now==='ascending'?'descending':'ascending'));});});});
var m=/sort=([^:&]+):([^:&]+):(ascending|descending)/.exec(decodeURIComponent(location.hash));
if(m){var t=document.getElementById(m[1]);if(t&&t.tHead){var th=t.tHead.rows[0].cells;
 for(var i=0;i<th.length;i++)if(th[i].getAttribute('data-key')===m[2])sort(t,i,m[3]);}}
document.documentElement.setAttribute('data-script','ready');
})();
"""

__all__ = ["CSS", "SCRIPT"]
