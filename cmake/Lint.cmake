# The lint tests besides `format` (cmake/Format.cmake): `layering` and its self-test, and
# `clang-tidy`. Included last in the top-level CMakeLists: the layering check reads what every
# target links.
include(${CMAKE_CURRENT_LIST_DIR}/Layering.cmake)
flightdesk_record_links()
include(${CMAKE_CURRENT_LIST_DIR}/ClangTidy.cmake)
