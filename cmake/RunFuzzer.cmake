# ctest's driver for one fuzzer (see flightdesk_add_fuzzer): copies the seed corpus into WORK,
# runs the fuzzer there for SECONDS (with the dictionary DICT, if set) and fails on anything it
# reports.
foreach(var FUZZER SEEDS WORK SECONDS)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "RunFuzzer.cmake: ${var} is not set")
    endif()
endforeach()

file(REMOVE_RECURSE ${WORK}/corpus)
file(MAKE_DIRECTORY ${WORK}/corpus ${WORK}/artifacts)
file(GLOB seeds ${SEEDS}/*)
if(NOT seeds)
    message(FATAL_ERROR "no seed corpus in ${SEEDS}")
endif()
file(COPY ${seeds} DESTINATION ${WORK}/corpus)

set(dict)
if(DICT)
    set(dict -dict=${DICT})
endif()

# -max_len: the size caps on these inputs belong to the parsers' callers (another change);
# 64 KiB is far beyond any real passengers file, error body, event, MRZ or scenario.
execute_process(
    COMMAND ${FUZZER} ${WORK}/corpus
        -max_total_time=${SECONDS} -max_len=65536 -timeout=10 -rss_limit_mb=2048
        -artifact_prefix=${WORK}/artifacts/ -print_final_stats=1 ${dict}
    WORKING_DIRECTORY ${WORK}
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    file(GLOB found ${WORK}/artifacts/*)
    message(FATAL_ERROR "${FUZZER} failed (${result}); reproduce with: ${FUZZER} ${found}")
endif()
