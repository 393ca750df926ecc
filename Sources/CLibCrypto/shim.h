#ifndef CLIBCRYPTO_SHIM_H
#define CLIBCRYPTO_SHIM_H
// The system's libcrypto (OpenSSL 3): SHA-256 through EVP_Digest and HMAC-SHA256 through
// EVP_MAC. The two helpers below wrap EVP_MAC's parameter array, which Swift cannot build
// from C macros; neither allocates more than one context per call.
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

/// An HMAC-SHA256 context keyed with `key`, ready for a message; NULL when libcrypto fails.
static inline EVP_MAC_CTX *iop_hmac_sha256_new(const unsigned char *key, size_t length) {
    EVP_MAC *mac = EVP_MAC_fetch(NULL, OSSL_MAC_NAME_HMAC, NULL);
    if (mac == NULL) return NULL;
    EVP_MAC_CTX *context = EVP_MAC_CTX_new(mac);
    EVP_MAC_free(mac);
    if (context == NULL) return NULL;
    OSSL_PARAM parameters[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, (char *)"SHA256", 0),
        OSSL_PARAM_construct_end(),
    };
    if (EVP_MAC_init(context, key, length, parameters) != 1) {
        EVP_MAC_CTX_free(context);
        return NULL;
    }
    return context;
}

/// The 32-byte HMAC of `message` under the key of `prototype`, which is copied and left ready
/// for the next message (so one prototype serves many threads); 1 on success.
static inline int iop_hmac_sha256(const EVP_MAC_CTX *prototype, const unsigned char *message, size_t length,
                                  unsigned char out[32]) {
    EVP_MAC_CTX *context = EVP_MAC_CTX_dup(prototype);
    if (context == NULL) return 0;
    size_t written = 0;
    int ok = EVP_MAC_update(context, message, length) == 1 && EVP_MAC_final(context, out, &written, 32) == 1
        && written == 32;
    EVP_MAC_CTX_free(context);
    return ok;
}
#endif
