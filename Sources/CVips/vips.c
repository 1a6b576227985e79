#include "CVips.h"
#include <dlfcn.h>
#include <stdio.h>

/* The values of libvips's and GLib's enums that Kennisbank passes (vips/resample.h, vips/image.h,
 * glib/gchecksum.h); KennisbankImagesTests would fail if one were wrong (no upscaling, exact pixels, a known hash). */
enum { KB_VIPS_SIZE_DOWN = 2, KB_VIPS_FORMAT_UCHAR = 0, KB_G_CHECKSUM_SHA256 = 2 };

/* The functions found by kb_vips_load, with the types of their declarations in libvips and GLib. */
static int (*vips_init_)(const char *argv0);
static void (*vips_cache_set_max_)(int max);
static int (*vips_thumbnail_buffer_)(void *buf, size_t len, void **out, int width, ...);
static void *(*vips_image_new_from_memory_copy_)(const void *data, size_t size, int width, int height, int bands, int format);
static int (*vips_image_get_width_)(const void *image);
static int (*vips_image_get_height_)(const void *image);
static int (*vips_image_write_to_buffer_)(void *in, const char *suffix, void **buf, size_t *size, ...);
static char *(*vips_error_buffer_copy_)(void);
static void (*g_object_unref_)(void *object);
static void (*g_free_)(void *memory);
static char *(*g_compute_checksum_for_data_)(int type, const unsigned char *data, size_t length);

/* The names libvips 8's library goes by, the versioned one (of the runtime package) first. */
static const char *const library_names[] = {
#ifdef __APPLE__
    "libvips.42.dylib", "/opt/homebrew/lib/libvips.42.dylib", "/usr/local/lib/libvips.42.dylib", "libvips.dylib",
#else
    "libvips.so.42", "libvips.so",
#endif
    NULL
};

/* The symbol `name` of `library` into `slot`; 0, or -1 with the reason written. */
static int find(void *library, const char *name, void **slot, char *reason, size_t size) {
    *slot = dlsym(library, name);
    if (*slot) return 0;
    snprintf(reason, size, "libvips has no function %s (%s)", name, dlerror());
    return -1;
}

int kb_vips_load(char *reason, size_t size) {
    void *library = NULL;
    const char *error = "no name to try";
    for (const char *const *name = library_names; *name && !library; name++) {
        library = dlopen(*name, RTLD_NOW | RTLD_LOCAL);
        if (!library) error = dlerror();
    }
    if (!library) {
        snprintf(reason, size, "libvips is not installed (Debian: libvips42; Homebrew: vips): %s", error);
        return -1;
    }
    /* dlsym on the library's handle also finds the functions of what it links (GObject, GLib). */
    if (find(library, "vips_init", (void **)&vips_init_, reason, size)
        || find(library, "vips_cache_set_max", (void **)&vips_cache_set_max_, reason, size)
        || find(library, "vips_thumbnail_buffer", (void **)&vips_thumbnail_buffer_, reason, size)
        || find(library, "vips_image_new_from_memory_copy", (void **)&vips_image_new_from_memory_copy_, reason, size)
        || find(library, "vips_image_get_width", (void **)&vips_image_get_width_, reason, size)
        || find(library, "vips_image_get_height", (void **)&vips_image_get_height_, reason, size)
        || find(library, "vips_image_write_to_buffer", (void **)&vips_image_write_to_buffer_, reason, size)
        || find(library, "vips_error_buffer_copy", (void **)&vips_error_buffer_copy_, reason, size)
        || find(library, "g_object_unref", (void **)&g_object_unref_, reason, size)
        || find(library, "g_free", (void **)&g_free_, reason, size)
        || find(library, "g_compute_checksum_for_data", (void **)&g_compute_checksum_for_data_, reason, size)) {
        return -1;
    }
    if (vips_init_("kennisbank") != 0) {
        char *message = vips_error_buffer_copy_();
        snprintf(reason, size, "libvips could not start: %s", message ? message : "it gave no reason");
        g_free_(message);
        return -1;
    }
    /* Each image is scaled once: libvips's cache of operations would only keep decoded images alive. */
    vips_cache_set_max_(0);
    return 0;
}

int kb_vips_thumbnail_buffer(const void *bytes, size_t length, kb_vips_image **out, int width) {
    return vips_thumbnail_buffer_((void *)bytes, length, (void **)out, width,
                                  "height", 10000000, "size", KB_VIPS_SIZE_DOWN, NULL);
}

kb_vips_image *kb_vips_image_from_pixels(const void *pixels, size_t length, int width, int height, int bands) {
    return vips_image_new_from_memory_copy_(pixels, length, width, height, bands, KB_VIPS_FORMAT_UCHAR);
}

int kb_vips_image_width(const kb_vips_image *image) { return vips_image_get_width_(image); }

int kb_vips_image_height(const kb_vips_image *image) { return vips_image_get_height_(image); }

int kb_vips_write_to_buffer(kb_vips_image *image, const char *suffix, void **bytes, size_t *length) {
    return vips_image_write_to_buffer_(image, suffix, bytes, length, NULL);
}

void kb_vips_image_release(kb_vips_image *image) { g_object_unref_(image); }

char *kb_vips_error_copy(void) { return vips_error_buffer_copy_(); }

char *kb_vips_sha256_hex(const void *bytes, size_t length) {
    return g_compute_checksum_for_data_(KB_G_CHECKSUM_SHA256, bytes, length);
}

void kb_vips_free(void *memory) { g_free_(memory); }
