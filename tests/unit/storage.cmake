# app/storage unit tests
flightdesk_add_test(NAME tst_journal_migrations SOURCES tst_journal_migrations.cpp LABEL unit
                    LIBS flightdesk_test_support flightdesk_storage)
flightdesk_add_test(NAME tst_journalqueue SOURCES tst_journalqueue.cpp LABEL unit
                    LIBS flightdesk_test_support flightdesk_core flightdesk_storage)
flightdesk_add_test(NAME tst_journal SOURCES tst_journal.cpp tst_journal_sharing.cpp tst_journal_schedule.cpp
                    journalcontract.h
                    LABEL unit LIBS flightdesk_test_support flightdesk_storage)
flightdesk_add_test(NAME tst_settingsstore SOURCES tst_settingsstore.cpp LABEL unit LIBS flightdesk_test_support flightdesk_storage)
# A private PostgreSQL 15 server for the tests (tests/support/pgserver.h); `ctest -L postgres`
flightdesk_add_test(NAME tst_pgserver SOURCES tst_pgserver.cpp LABEL unit
                    LIBS flightdesk_test_support)
set_property(TEST tst_pgserver APPEND PROPERTY LABELS postgres) # LABEL takes one
# The same journal contract on a real private PostgreSQL (tst_journal -engine postgres).
add_test(NAME tst_journal_postgres COMMAND tst_journal -engine postgres)
set_tests_properties(tst_journal_postgres PROPERTIES LABELS "unit;postgres" TIMEOUT 120
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8")
# What only the agency journal has: server down and back, passwords, schema created in one step.
flightdesk_add_test(NAME tst_journal_postgres_only SOURCES tst_journal_postgres_only.cpp LABEL unit
                    LIBS flightdesk_test_support flightdesk_storage)
set_property(TEST tst_journal_postgres_only APPEND PROPERTY LABELS postgres)
# Traveller profiles: the sealed file and the desk's Profiles over it (keychains faked).
flightdesk_add_test(NAME tst_profilestore SOURCES tst_profilestore.cpp LABEL unit
                    LIBS flightdesk_test_support flightdesk_storage flightdesk_desk)
