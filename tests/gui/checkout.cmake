# GUI tests of the checkout tab end to end against the sandbox.
flightdesk_add_test(NAME tst_checkouttab SOURCES tst_checkouttab.cpp LABEL gui LIBS flightdesk_test_support flightdesk_ui)
flightdesk_add_test(NAME tst_desk SOURCES tst_desk.cpp LABEL gui LIBS flightdesk_test_support flightdesk_ui)
