# svar_stage(<name> PUBLIC <libs> PRIVATE <libs>): the static library svar_<name> built from
# every .cc file in the calling folder (and its sub-folders). One folder, one stage.
function(svar_stage name)
  cmake_parse_arguments(S "" "" "PUBLIC;PRIVATE" ${ARGN})
  file(GLOB_RECURSE srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  if(NOT srcs)  # a stage with headers only so far
    add_library(svar_${name} INTERFACE)
    target_include_directories(svar_${name} INTERFACE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(svar_${name} INTERFACE ${S_PUBLIC})
    return()
  endif()
  add_library(svar_${name} STATIC ${srcs})
  target_include_directories(svar_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(svar_${name} PUBLIC ${S_PUBLIC} PRIVATE ${S_PRIVATE})
  svar_warnings(svar_${name})
endfunction()
