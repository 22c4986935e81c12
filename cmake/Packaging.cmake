# Install rules and CPack: `cpack` in a build directory makes the .deb, .rpm and .tar.gz from
# the same install tree (see packaging/README.md). Everything the programs read at run time is
# compiled in as Qt resources, so only the two executables and the desktop integration files
# are installed.
include(GNUInstallDirs)

set(FLIGHTDESK_APP_ID io.flightdesk.FlightDesk)
set(FLIGHTDESK_HOMEPAGE https://flightdesk.example/) # placeholder until there is a project site
set(FLIGHTDESK_PACKAGE_DIR ${PROJECT_SOURCE_DIR}/packaging)

if(WIN32)
    include(${FLIGHTDESK_PACKAGE_DIR}/windows/Packaging.cmake) # not built or tested here
elseif(APPLE)
    include(${FLIGHTDESK_PACKAGE_DIR}/macos/Packaging.cmake) # not built or tested here
else()
    install(TARGETS flightdesk flightdesk-sandbox RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    # qt_standard_project_setup() gives executables an install RUNPATH of $ORIGIN:$ORIGIN/../lib
    # for bundled libraries. These link system libraries only, and in /usr/bin a RUNPATH would
    # just let a stray library next to them be loaded first: install them without one.
    set_target_properties(flightdesk flightdesk-sandbox PROPERTIES INSTALL_RPATH "")

    # Generated at build time, in `all`: cpack only installs, it builds nothing.
    set(flightdesk_linux_dir ${FLIGHTDESK_PACKAGE_DIR}/linux)
    set(flightdesk_pkg_out ${PROJECT_BINARY_DIR}/packaging)
    find_program(FLIGHTDESK_RSVG_CONVERT rsvg-convert)
    find_program(FLIGHTDESK_GZIP gzip REQUIRED)
    set(flightdesk_generated)

    # The SVG is the master; the hicolor PNGs are rendered from it (librsvg2-bin).
    set(flightdesk_icon_svg ${flightdesk_linux_dir}/icons/${FLIGHTDESK_APP_ID}.svg)
    install(FILES ${flightdesk_icon_svg}
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
    if(FLIGHTDESK_RSVG_CONVERT)
        foreach(size 16 32 48 64 128 256)
            set(dir ${flightdesk_pkg_out}/icons/${size}x${size})
            set(png ${dir}/${FLIGHTDESK_APP_ID}.png)
            add_custom_command(OUTPUT ${png}
                COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}
                COMMAND ${FLIGHTDESK_RSVG_CONVERT} --width ${size} --height ${size}
                        --output ${png} ${flightdesk_icon_svg}
                DEPENDS ${flightdesk_icon_svg} COMMENT "Rendering the ${size}px icon" VERBATIM)
            list(APPEND flightdesk_generated ${png})
            install(FILES ${png}
                DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
        endforeach()
    else()
        message(WARNING "rsvg-convert not found (Debian: librsvg2-bin): packages get only the "
                        "scalable icon. packaging/deps.sh installs it.")
    endif()

    # Man pages carry the project version; Debian wants them and the changelog gzip -9n'd
    # (no timestamp, so the package is reproducible).
    foreach(page flightdesk.1 flightdesk-sandbox.1)
        configure_file(${flightdesk_linux_dir}/${page}.in ${flightdesk_pkg_out}/${page} @ONLY)
        add_custom_command(OUTPUT ${flightdesk_pkg_out}/${page}.gz
            COMMAND ${FLIGHTDESK_GZIP} -9nkf ${flightdesk_pkg_out}/${page}
            DEPENDS ${flightdesk_pkg_out}/${page} COMMENT "Compressing ${page}" VERBATIM)
        list(APPEND flightdesk_generated ${flightdesk_pkg_out}/${page}.gz)
        install(FILES ${flightdesk_pkg_out}/${page}.gz
            DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
    endforeach()

    # The changelog is in Debian's format and its top entry must be this version. The version
    # has no Debian revision (the project packages itself), so Debian calls the package native
    # and wants the file as changelog.gz.
    file(STRINGS ${flightdesk_linux_dir}/changelog changelog_top LIMIT_COUNT 1)
    if(NOT changelog_top MATCHES "^flightdesk \\(${PROJECT_VERSION}\\) ")
        message(WARNING "packaging/linux/changelog has no entry for ${PROJECT_VERSION} on top; "
                        "add one (and a <release> to the metainfo) before packaging a release.")
    endif()
    configure_file(${flightdesk_linux_dir}/changelog ${flightdesk_pkg_out}/changelog COPYONLY)
    add_custom_command(OUTPUT ${flightdesk_pkg_out}/changelog.gz
        COMMAND ${FLIGHTDESK_GZIP} -9nkf ${flightdesk_pkg_out}/changelog
        DEPENDS ${flightdesk_pkg_out}/changelog COMMENT "Compressing the changelog" VERBATIM)
    list(APPEND flightdesk_generated ${flightdesk_pkg_out}/changelog.gz)

    add_custom_target(flightdesk_packaging_files ALL DEPENDS ${flightdesk_generated})

    # GNUInstallDirs' DOCDIR would be doc/FlightDesk; Debian wants the package name.
    install(FILES ${flightdesk_linux_dir}/copyright ${flightdesk_pkg_out}/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/flightdesk)
    install(FILES ${flightdesk_linux_dir}/${FLIGHTDESK_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${flightdesk_linux_dir}/${FLIGHTDESK_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
endif()

# Common to every generator.
set(CPACK_PACKAGE_NAME flightdesk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The FlightDesk developers")
set(CPACK_PACKAGE_CONTACT "The FlightDesk developers <packaging@flightdesk.example>")
set(CPACK_PACKAGE_HOMEPAGE_URL ${FLIGHTDESK_HOMEPAGE})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "flight booking checkout for travel agents")
# Debian's extended description: lines under 80 columns, paragraphs separated by blank lines.
set(CPACK_PACKAGE_DESCRIPTION [=[
FlightDesk is a desktop checkout that travel agents use to book flights
through the Travelbase Air API without ever booking twice, charging twice,
or being left guessing. Every passenger field is validated before anything
is sent, and each checkout keeps one idempotency key in a local journal, so
a retry after a timeout, a crash or a restart is always the same request.

The package contains the desktop application, its headless commands
(validate, checkout, resume, orders) and flightdesk-sandbox, an offline
Travelbase server for demos and training.]=])
set(CPACK_RESOURCE_FILE_LICENSE ${FLIGHTDESK_PACKAGE_DIR}/LICENSE)
set(CPACK_PACKAGE_INSTALL_DIRECTORY FlightDesk)
set(CPACK_PACKAGE_CHECKSUM SHA256)
set(CPACK_STRIP_FILES ON) # the ci build is RelWithDebInfo; the packages ship stripped binaries
set(CPACK_SOURCE_GENERATOR "") # source tarballs come from git, not from a build tree

if(NOT WIN32 AND NOT APPLE)
    set(CPACK_GENERATOR DEB RPM TGZ)
    set(CPACK_PACKAGE_FILE_NAME
        "${CPACK_PACKAGE_NAME}-${PROJECT_VERSION}-linux-${CMAKE_SYSTEM_PROCESSOR}") # the .tar.gz

    # .deb for Debian 12
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # flightdesk_0.1.0_amd64.deb
    set(CPACK_DEBIAN_PACKAGE_SECTION misc)
    set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON) # library dependencies come from the binaries
    # Qt loads these plugins with dlopen(), so dpkg-shlibdeps cannot see them: the SQLite driver
    # for the order journal, and the platform plugins (xcb for the desktop, offscreen for
    # headless use) that QApplication needs to start at all.
    # tzdata: flight times are shown in each airport's zone, which Debian's Qt reads from the
    # system tz database (without it every time falls back to UTC).
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins, tzdata")
    # The PostgreSQL driver, for an agency's journal on its own PostgreSQL server. Recommended,
    # not required: the desk's own journal is SQLite, and it works without.
    # Qt's own translations: standard buttons and dialogs in the agent's language (French).
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libqt6sql6-psql, qt6-translations-l10n")
    set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
    set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

    # .rpm: built and checked here, not installed (this is a Debian machine). AutoReq turns the
    # binaries' sonames into requirements. The plugins are not hand-listed because their package
    # names differ per distribution: on Fedora the SQLite driver ships in qt6-qtbase and the
    # platform plugins in qt6-qtbase-gui, both already required through libQt6Sql/libQt6Gui;
    # openSUSE would need qt6-sql-sqlite added. The PostgreSQL driver (Fedora:
    # qt6-qtbase-postgresql) is optional there too and not listed.
    set(CPACK_RPM_FILE_NAME RPM-DEFAULT) # flightdesk-0.1.0-1.x86_64.rpm
    set(CPACK_RPM_PACKAGE_SUMMARY "Flight booking checkout for travel agents")
    set(CPACK_RPM_PACKAGE_DESCRIPTION ${CPACK_PACKAGE_DESCRIPTION})
    set(CPACK_RPM_PACKAGE_LICENSE MIT)
    set(CPACK_RPM_PACKAGE_GROUP Applications/Productivity)
    set(CPACK_RPM_PACKAGE_URL ${FLIGHTDESK_HOMEPAGE})
    set(CPACK_RPM_PACKAGE_AUTOREQ ON)
    set(CPACK_RPM_PACKAGE_AUTOPROV OFF) # two programs, no libraries to offer
    set(CPACK_RPM_COMPRESSION_TYPE xz)
    # Directories that belong to the filesystem or the desktop, not to FlightDesk.
    set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
        /usr/share/applications /usr/share/metainfo /usr/share/man /usr/share/man/man1
        /usr/share/icons /usr/share/icons/hicolor)
    foreach(size 16 32 48 64 128 256 scalable)
        set(dir /usr/share/icons/hicolor/${size}x${size})
        if(size STREQUAL scalable)
            set(dir /usr/share/icons/hicolor/scalable)
        endif()
        list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION ${dir} ${dir}/apps)
    endforeach()
    set(CPACK_RPM_SPEC_MORE_DEFINE "%define _build_id_links none")
endif()

include(CPack)
