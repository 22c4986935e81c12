# app/api unit tests
