/*
 * A HotSpot disassembler plugin (hsdis) that hands the code to GNU objdump, for -XX:+PrintAssembly.
 * Debian's capstone 4 does not decode AVX-512 instructions such as vprord and vpternlogd; binutils does.
 * Built and loaded by scripts/kernel-roofline.sh (LD_LIBRARY_PATH); never part of the project's programs.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

typedef void *(*event_callback)(void *, const char *, void *);
typedef int (*printf_callback)(void *, const char *, ...);

void *decode_instructions_virtual(uintptr_t start_va, uintptr_t end_va, unsigned char *buffer, uintptr_t length,
                                  event_callback event, void *event_stream, printf_callback print,
                                  void *print_stream, const char *options, int newline) {
    (void) end_va; (void) event; (void) event_stream; (void) options; (void) newline;
    if (print == NULL) {
        print = (printf_callback) &fprintf;
        if (print_stream == NULL) {
            print_stream = stdout;
        }
    }
    char path[] = "/tmp/hsdis-code-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) {
        return NULL;
    }
    ssize_t written = write(fd, buffer, length);
    close(fd);
    if (written == (ssize_t) length) {
        char command[256];
        snprintf(command, sizeof command,
                 "objdump -D -b binary -m i386:x86-64 --adjust-vma=0x%" PRIxPTR " %s | tail -n +8", start_va, path);
        FILE *out = popen(command, "r");
        char line[1024];
        while (out != NULL && fgets(line, sizeof line, out) != NULL) {
            print(print_stream, "%s", line);
        }
        if (out != NULL) {
            pclose(out);
        }
    }
    unlink(path);
    return NULL;
}
