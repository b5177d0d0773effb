# Each layer's headers are reachable only through the targets that link it: a target's include path
# holds a directory with one link, <folder> -> the source folder, so `#include "layers/..."` compiles
# only where onregel_layers is linked, and the link graph (cli -> app -> layers -> engine) is also the
# include graph. The repository root itself is on no include path.
function(onregel_expose_headers target folder)
  set(dir "${PROJECT_BINARY_DIR}/include/${folder}")
  file(MAKE_DIRECTORY "${dir}")
  file(CREATE_LINK "${PROJECT_SOURCE_DIR}/${folder}" "${dir}/${folder}" SYMBOLIC)
  target_include_directories(${target} PUBLIC "${dir}")
endfunction()
