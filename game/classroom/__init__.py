"""The classroom: the week served as web pages by the teacher's laptop to the students' phones.

A third thin front-end over the play session, beside the window and the text mode: each student
plays a `PlaySession` of their own, each run is kept as its log in SQLite, and the pages are plain
HTML forms (no JavaScript needed). The teacher's pages show the class live and its debrief.

| module | what it holds |
|---|---|
| `store.py` | the class's SQLite file: one row per student (the run's log, the check's answers) |
| `room.py` | `Classroom`: the students' sessions by code, the teacher's hold, rebuilt from the store |
| `summary.py` | the class debrief's figures and the anonymous CSV export |
| `views.py` | what a student page shows, in the session's words |
| `svg.py` | inline SVG: the week's chart, the class's score band, tier shapes, QR codes |
| `web.py`, `student.py`, `teacher.py` | the Starlette app: errors, limits, the students' and the teacher's routes |
| `server.py` | `scored classroom`: addresses, port, browser, uvicorn |
"""
