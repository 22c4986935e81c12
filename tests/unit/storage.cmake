# app/storage unit tests
flightdesk_add_test(NAME tst_journal_migrations SOURCES tst_journal_migrations.cpp LABEL unit
                    LIBS flightdesk_test_support flightdesk_storage)
flightdesk_add_test(NAME tst_journal SOURCES tst_journal.cpp LABEL unit LIBS flightdesk_test_support flightdesk_storage)
flightdesk_add_test(NAME tst_settingsstore SOURCES tst_settingsstore.cpp LABEL unit LIBS flightdesk_test_support flightdesk_storage)
# A private PostgreSQL 15 server for the tests (tests/support/pgserver.h); `ctest -L postgres`
flightdesk_add_test(NAME tst_pgserver SOURCES tst_pgserver.cpp LABEL unit
                    LIBS flightdesk_test_support)
set_property(TEST tst_pgserver APPEND PROPERTY LABELS postgres) # LABEL takes one
