find_program(CLANG_FORMAT clang-format)
if(CLANG_FORMAT)
    file(GLOB_RECURSE FLIGHTDESK_FORMAT_FILES CONFIGURE_DEPENDS
        ${PROJECT_SOURCE_DIR}/app/*.cpp ${PROJECT_SOURCE_DIR}/app/*.h
        ${PROJECT_SOURCE_DIR}/ui/*.cpp ${PROJECT_SOURCE_DIR}/ui/*.h
        ${PROJECT_SOURCE_DIR}/tests/*.cpp ${PROJECT_SOURCE_DIR}/tests/*.h)
    add_custom_target(format
        COMMAND ${CLANG_FORMAT} -i ${FLIGHTDESK_FORMAT_FILES}
        COMMENT "clang-format the sources" VERBATIM)
    add_custom_target(format-check
        COMMAND ${CLANG_FORMAT} --dry-run --Werror ${FLIGHTDESK_FORMAT_FILES}
        COMMENT "check the sources are formatted" VERBATIM)
endif()

# CI keeps the tree formatted: an unformatted file fails this test (fix with `cmake --build
# --preset dev --target format`).
if(CLANG_FORMAT)
    add_test(NAME format COMMAND ${CLANG_FORMAT} --dry-run --Werror ${FLIGHTDESK_FORMAT_FILES})
    set_tests_properties(format PROPERTIES LABELS lint)
endif()
