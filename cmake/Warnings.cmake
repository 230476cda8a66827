# Warnings on for our own code; helper applied per target.
function(svar_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter)
endfunction()
