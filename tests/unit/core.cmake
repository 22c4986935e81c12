flightdesk_add_test(NAME tst_money SOURCES tst_money.cpp LABEL unit LIBS flightdesk_test_support flightdesk_core)
flightdesk_add_test(NAME tst_fieldrules SOURCES tst_fieldrules.cpp LABEL unit
                    LIBS flightdesk_test_support flightdesk_core PhoneNumber::PhoneNumber)
flightdesk_add_test(NAME tst_passengervalidation SOURCES tst_passengervalidation.cpp LABEL unit LIBS flightdesk_test_support flightdesk_core)
flightdesk_add_test(NAME tst_offer SOURCES tst_offer.cpp LABEL unit LIBS flightdesk_test_support flightdesk_core)
flightdesk_add_test(NAME tst_validatecommand SOURCES tst_validatecommand.cpp LABEL unit LIBS flightdesk_test_support)
flightdesk_add_test(NAME tst_checkoutflow SOURCES tst_checkoutflow.cpp LABEL unit
                    LIBS flightdesk_test_support flightdesk_core flightdesk_storage)
flightdesk_add_test(NAME tst_mrz SOURCES tst_mrz.cpp LABEL unit LIBS flightdesk_test_support flightdesk_core)
flightdesk_add_test(NAME tst_intentstate SOURCES tst_intentstate.cpp LABEL unit
    LIBS flightdesk_core flightdesk_test_support)
flightdesk_add_test(NAME tst_failure_table SOURCES tst_failure_table.cpp LABEL unit
                    LIBS flightdesk_test_support flightdesk_core flightdesk_storage)
# The flow on a private PostgreSQL journal (tests/support/testjournal.h); `ctest -L postgres`.
flightdesk_add_postgres_run(tst_checkoutflow)
flightdesk_add_test(NAME tst_contactmerge SOURCES tst_contactmerge.cpp LABEL unit LIBS flightdesk_core)
flightdesk_add_test(NAME tst_travellerprofile SOURCES tst_travellerprofile.cpp LABEL unit LIBS flightdesk_test_support flightdesk_core)
flightdesk_add_test(NAME tst_jsonarraystream SOURCES tst_jsonarraystream.cpp LABEL unit LIBS flightdesk_test_support flightdesk_core)
