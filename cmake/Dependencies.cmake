# Libraries Debian ships that have no CMake package of their own.
find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h REQUIRED)
find_library(PHONENUMBER_LIBRARY phonenumber REQUIRED)
add_library(PhoneNumber::PhoneNumber UNKNOWN IMPORTED)
set_target_properties(PhoneNumber::PhoneNumber PROPERTIES
    IMPORTED_LOCATION "${PHONENUMBER_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${PHONENUMBER_INCLUDE_DIR}")

# Country and currency codes come from Debian's iso-codes data, not a hand-typed list.
find_path(ISO_CODES_JSON_DIR iso_3166-1.json PATHS /usr/share/iso-codes/json REQUIRED)
