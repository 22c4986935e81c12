# app/storage unit tests
flightdesk_add_test(NAME tst_journal_migrations SOURCES tst_journal_migrations.cpp LABEL unit
                    LIBS flightdesk_test_support flightdesk_storage)
flightdesk_add_test(NAME tst_journal SOURCES tst_journal.cpp LABEL unit LIBS flightdesk_test_support flightdesk_storage)
flightdesk_add_test(NAME tst_settingsstore SOURCES tst_settingsstore.cpp LABEL unit LIBS flightdesk_test_support flightdesk_storage)
