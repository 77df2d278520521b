import pyatspi, time, sys, os, subprocess
desk = pyatspi.Registry.getDesktop(0)
app=None
for i in range(100):
    for a in desk:
        if a is not None and a.name == 'gedit' and a.childCount:
            app = a
    if app: break
    time.sleep(0.1)
frame = pyatspi.findDescendant(app, lambda o: o.getRole()==pyatspi.ROLE_FRAME, breadth_first=True)
def is_view(o):
    s=o.getState()
    return o.getRole()==pyatspi.ROLE_TEXT and s.contains(pyatspi.STATE_MULTI_LINE) and s.contains(pyatspi.STATE_EDITABLE)
for k in range(50):
    view = pyatspi.findDescendant(frame, is_view, breadth_first=True)
    if view and view.queryText().characterCount > 0: break
    time.sleep(0.1)
t = view.queryText()
s = "\n“We will rebuild the bridge by spring,” Mayor Elena Petrova said."
ed = view.queryEditableText()
ok = ed.insertText(t.characterCount, s, len(s.encode()))
print('insert', ok, t.characterCount, repr(t.getText(t.characterCount-30, -1)))
tree = pyatspi.findDescendant(frame, lambda o: o.getRole()==pyatspi.ROLE_TREE_TABLE, breadth_first=True)
tb = tree.queryTable()
cell = tb.getAccessibleAt(0,0)
ext = cell.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
print('cell ext', ext, cell.getChildAtIndex(1).name)
pyatspi.Registry.generateMouseEvent(ext.x + ext.width//2, ext.y + ext.height//2, 'b1d')
for k in range(30):
    if frame.name.startswith('other'): break
    time.sleep(0.1)
print('after dbl', k, frame.name)
cell = tb.getAccessibleAt(1,0)
a = cell.queryAction()
print(a.doAction(2))
for k in range(30):
    if 'seed' in frame.name: break
    time.sleep(0.1)
print('after act', k, frame.name)
print(subprocess.run(['gsettings','set','org.gnome.gedit.plugins','active-plugins','[]']))
for k in range(30):
    tr = pyatspi.findDescendant(frame, lambda o: o.getRole()==pyatspi.ROLE_TREE_TABLE, breadth_first=True)
    if tr is None: break
    time.sleep(0.1)
print('tree gone', k, tr)
close = pyatspi.findDescendant(frame, lambda o: o.getRole()==pyatspi.ROLE_PUSH_BUTTON and o.name=='Close' and o.getState().contains(pyatspi.STATE_SHOWING), breadth_first=True)
print(close, [close.queryAction().getName(i) for i in range(close.queryAction().nActions)])
close.queryAction().doAction(0)
time.sleep(1)
for c in app:
    print(c.getRoleName(), c.name)
def dump(o, d=0):
    print('  '*d + f"{o.getRoleName()} {o.name!r} {[pyatspi.stateToString(s) for s in o.getState().getStates() if s in (pyatspi.STATE_SHOWING, pyatspi.STATE_FOCUSED)]}")
    for c in o: dump(c, d+1)
dlg = [c for c in app if c.getRole() != pyatspi.ROLE_FRAME]
for d in dlg: dump(d)
os.system('import -window root /tmp/e2e-explore.png')
b = pyatspi.findDescendant(dlg[0], lambda o: o.getRole()==pyatspi.ROLE_PUSH_BUTTON and 'without' in o.name)
print(b, b.name)
b.queryAction().doAction(0)
st = os.environ['E2E_TMP'] + '/gedit.status'
for k in range(50):
    if os.path.exists(st): break
    time.sleep(0.1)
print('status', k, open(st).read())
