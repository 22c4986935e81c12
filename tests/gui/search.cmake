# GUI tests of the search page.
flightdesk_add_test(NAME tst_offersmodel SOURCES tst_offersmodel.cpp LABEL gui LIBS flightdesk_test_support flightdesk_ui)
flightdesk_add_test(NAME tst_searchpage SOURCES tst_searchpage.cpp LABEL gui
                    LIBS flightdesk_test_support flightdesk_ui flightdesk_sandbox flightdesk_api
                         flightdesk_storage)
flightdesk_add_test(NAME tst_providerbooking SOURCES tst_providerbooking.cpp LABEL gui
                    LIBS flightdesk_test_support flightdesk_ui flightdesk_sandbox flightdesk_api
                         flightdesk_storage)
flightdesk_add_postgres_run(tst_providerbooking) # on a private PostgreSQL journal
