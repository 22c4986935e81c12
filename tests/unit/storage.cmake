# app/storage unit tests
