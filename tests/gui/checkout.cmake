# GUI tests of the checkout tab end to end against the sandbox. The window reaches the desk
# through its interfaces alone; a test that looks behind them (desk/session.h: the sandbox's
# ledger, the journal) links those layers itself.
flightdesk_add_test(NAME tst_checkouttab SOURCES tst_checkouttab.cpp LABEL gui
                    LIBS flightdesk_test_support flightdesk_ui flightdesk_sandbox flightdesk_api
                         flightdesk_storage)
flightdesk_add_test(NAME tst_desk SOURCES tst_desk.cpp LABEL gui LIBS flightdesk_test_support flightdesk_ui)
# The checkout tab and the desk on a private PostgreSQL journal (tests/support/testjournal.h).
flightdesk_add_postgres_run(tst_checkouttab)
flightdesk_add_postgres_run(tst_desk)
# The agency database frozen (SIGSTOP) and stopped under a checkout tab: PostgreSQL only.
flightdesk_add_test(NAME tst_journalstall SOURCES tst_journalstall.cpp LABEL gui
                    LIBS flightdesk_test_support flightdesk_ui flightdesk_sandbox flightdesk_api
                         flightdesk_storage)
set_property(TEST tst_journalstall APPEND PROPERTY LABELS postgres) # LABEL takes one
# The agent's path from search results to "Booked", counted in keystrokes; mnemonics.
flightdesk_add_test(NAME tst_keyboardpath SOURCES tst_keyboardpath.cpp LABEL gui
                    LIBS flightdesk_test_support flightdesk_ui flightdesk_storage)
