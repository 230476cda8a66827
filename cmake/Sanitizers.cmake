# -DSVAR_SANITIZE=ON builds everything with ASan and UBSan (a test build, see README).
if(SVAR_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
