# The `clang-tidy` lint test: clang-tidy (Debian 12: clang-tidy-14) over every .cpp of app/ and
# ui/ with this build's compile_commands.json, two at a time; .clang-tidy holds the checks and
# makes every finding an error. Registered in unsanitized full builds only: the fuzz build
# compiles no ui/, and the asan build would lint the same code a second time (CI's `ci` run
# covers it).
find_program(CLANG_TIDY NAMES clang-tidy-14 clang-tidy)
if(CLANG_TIDY AND NOT FLIGHTDESK_FUZZ AND NOT FLIGHTDESK_SANITIZE)
    add_test(NAME clang-tidy
        COMMAND sh ${PROJECT_SOURCE_DIR}/cmake/RunClangTidy.sh ${CLANG_TIDY} ${CMAKE_BINARY_DIR}
                ${PROJECT_SOURCE_DIR} 2)
    # Both cores: ctest -j2 runs nothing beside it.
    set_tests_properties(clang-tidy PROPERTIES LABELS lint TIMEOUT 1800 PROCESSORS 2)
endif()
