import pyatspi, time, sys, os
desk = pyatspi.Registry.getDesktop(0)
app=None
for i in range(100):
    for a in desk:
        if a is not None and a.name == 'gedit' and a.childCount:
            app = a
    if app: break
    time.sleep(0.1)
print("app", app, i)
time.sleep(1.5)
def dump(o, d=0):
    if d > 40: return
    try:
        st = o.getState()
        states = [pyatspi.stateToString(s) for s in st.getStates()]
    except Exception as e: states = [str(e)]
    ifaces = pyatspi.listInterfaces(o)
    print('  '*d + f"{o.getRoleName()} {o.name!r} {o.childCount} {ifaces} {' '.join(s for s in states if s in ('showing','multi-line','editable','focused','expanded','expandable','selected'))}")
    if o.getRole() == pyatspi.ROLE_TEXT and 'multi-line' in states:
        t=o.queryText(); print('  '*d, 'TEXT', t.characterCount, t.caretOffset, repr(t.getText(0,40)), t.getAttributeRun(10, False), t.getDefaultAttributes())
    if o.childCount > 200: return
    for c in o:
        if c is not None: dump(c, d+1)
dump(app)
os.system('import -window root /tmp/e2e-explore.png')
