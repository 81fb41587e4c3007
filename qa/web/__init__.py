"""`qa review --web`: the review in a browser, served on 127.0.0.1 (Starlette + uvicorn).

qa.web.state holds the review of each file (the same qa.review.session Session, decisions file and
write-back as the terminal review); qa.web.app is the ASGI application and its guards;
qa.web.server binds, prints the URL and opens the browser. The page is qa/web/static/.
"""
