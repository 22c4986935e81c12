# app/api unit tests
flightdesk_add_test(NAME tst_api_errors SOURCES tst_api_errors.cpp LABEL unit LIBS flightdesk_test_support flightdesk_api)
flightdesk_add_test(NAME tst_api_retry SOURCES tst_api_retry.cpp LABEL unit LIBS flightdesk_test_support flightdesk_api)
flightdesk_add_test(NAME tst_travomatrix_json SOURCES tst_travomatrix_json.cpp LABEL unit LIBS flightdesk_test_support flightdesk_api flightdesk_desk)
flightdesk_add_test(NAME tst_http_transport SOURCES tst_http_transport.cpp LABEL unit LIBS flightdesk_test_support flightdesk_api Qt6::Network)
