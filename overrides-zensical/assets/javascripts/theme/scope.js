// Zensical 0.0.73's inline script of partials/javascripts/base.html, as a file of its own so that
// the Content-Security-Policy needs no inline script (overrides-zensical/partials/javascripts/base.html).
// The scope comes from the script element's data-md-scope attribute instead of being written into it.
__md_scope=new URL(document.currentScript.dataset.mdScope,location),__md_scope.pathname.endsWith("/")||(__md_scope=new URL(__md_scope.pathname+"/",location)),__md_hash=e=>[...e].reduce(((e,t)=>(e<<5)-e+t.charCodeAt(0)),0),__md_get=(e,t=localStorage,_=__md_scope)=>JSON.parse(t.getItem(_.pathname+"."+e)),__md_set=(e,t,_=localStorage,a=__md_scope)=>{try{_.setItem(a.pathname+"."+e,JSON.stringify(t))}catch(e){}},document.documentElement.setAttribute("data-platform",navigator.platform)
