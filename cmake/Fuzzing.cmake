# libFuzzer targets (tests/fuzz), built by the `fuzz` preset with clang: FLIGHTDESK_FUZZ=ON
# instruments every app/ library for coverage and builds them under address and
# undefined-behaviour sanitizers. Only the libraries the fuzzers link are compiled; the GUI,
# the programs and the other tests are not part of a fuzz build.
option(FLIGHTDESK_FUZZ "Build only the libFuzzer targets in tests/fuzz (clang)" OFF)
set(FLIGHTDESK_FUZZ_SECONDS 60 CACHE STRING "How long ctest runs each fuzzer, in seconds")

if(FLIGHTDESK_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "FLIGHTDESK_FUZZ needs clang (libFuzzer); use the fuzz preset")
    endif()
    # fuzzer-no-link: coverage feedback from the libraries; only the fuzzers get libFuzzer's
    # main(). -O1 keeps the sanitizers' reports readable and the runs fast.
    target_compile_options(flightdesk_options INTERFACE
        -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
        -fno-sanitize-recover=undefined)
    target_link_options(flightdesk_options INTERFACE -fsanitize=address,undefined)
endif()

# flightdesk_add_fuzzer(NAME name SOURCES ... LIBS ... [DICT file])
# One libFuzzer executable, and one `fuzz`-labelled test that runs it for
# FLIGHTDESK_FUZZ_SECONDS over a fresh copy of tests/fuzz/corpus/<name> in the build tree (the
# source tree is never written to). A crash, a leak, a UBSan report, an input slower than 10 s
# or over 2 GiB fails the test; the input that did it is left in the build tree.
function(flightdesk_add_fuzzer)
    cmake_parse_arguments(F "" "NAME;DICT" "SOURCES;LIBS" ${ARGN})
    add_executable(fuzz_${F_NAME} ${F_SOURCES})
    target_link_libraries(fuzz_${F_NAME} PRIVATE flightdesk_options ${F_LIBS})
    target_link_options(fuzz_${F_NAME} PRIVATE -fsanitize=fuzzer)
    set(work ${CMAKE_CURRENT_BINARY_DIR}/fuzz-${F_NAME})
    add_test(NAME fuzz_${F_NAME}
        COMMAND ${CMAKE_COMMAND}
            -DFUZZER=$<TARGET_FILE:fuzz_${F_NAME}>
            -DSEEDS=${CMAKE_CURRENT_SOURCE_DIR}/corpus/${F_NAME}
            -DWORK=${work}
            -DSECONDS=${FLIGHTDESK_FUZZ_SECONDS}
            -DDICT=${F_DICT}
            -P ${PROJECT_SOURCE_DIR}/cmake/RunFuzzer.cmake)
    # Room for start-up, the seeds and a slow last input; longer runs get longer.
    math(EXPR timeout "${FLIGHTDESK_FUZZ_SECONDS} + 240")
    set_tests_properties(fuzz_${F_NAME} PROPERTIES
        LABELS fuzz TIMEOUT ${timeout}
        ENVIRONMENT "ASAN_OPTIONS=detect_leaks=1:abort_on_error=1;UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1;LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/data/lsan.supp:print_suppressions=0;QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8")
endfunction()
