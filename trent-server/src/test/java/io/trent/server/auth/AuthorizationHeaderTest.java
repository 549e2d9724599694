package io.trent.server.auth;

import io.trent.server.RequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthorizationHeaderTest {
    private static final String SIG = "a".repeat(64);

    @Test
    void parsesTheThreeComponents() {
        AuthorizationHeader h = AuthorizationHeader.parse("AWS4-HMAC-SHA256 Credential=AKID/20250601/eu-west-1/kms/"
                + "aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=" + SIG);
        assertThat(h.accessKeyId()).isEqualTo("AKID");
        assertThat(h.region()).isEqualTo("eu-west-1");
        assertThat(h.scope()).isEqualTo("20250601/eu-west-1/kms/aws4_request");
        assertThat(h.signedHeaders()).containsExactly("content-type", "host", "x-amz-date");
        assertThat(h.signs("host")).isTrue();
        assertThat(h.signs("x-amz-target")).isFalse();
    }

    @Test
    void reportsMissingComponentsAsIncompleteSignature() {
        assertThatThrownBy(() -> AuthorizationHeader.parse("AWS4-HMAC-SHA256 Credential=AKID/20250601/us-east-1/kms/aws4_request"))
                .isInstanceOf(RequestException.class)
                .hasMessage("Authorization header requires 'Signature' parameter. Authorization header requires "
                        + "'SignedHeaders' parameter.")
                .extracting(e -> ((RequestException) e).errorCode()).isEqualTo("IncompleteSignatureException");
        assertThatThrownBy(() -> AuthorizationHeader.parse("Basic dXNlcjpwYXNz"))
                .hasMessageContaining("Unsupported AWS 'algorithm'");
        assertThatThrownBy(() -> AuthorizationHeader.parse("AWS4-HMAC-SHA256 Credential=AKID/20250601/us-east-1/kms,"
                + " SignedHeaders=host, Signature=" + SIG)).hasMessageContaining("Credential must have the form");
        assertThatThrownBy(() -> AuthorizationHeader.parse("AWS4-HMAC-SHA256 Credential=AKID/20250601/us-east-1/kms/"
                + "aws4_request, SignedHeaders=content-type, Signature=" + SIG))
                .hasMessageContaining("'Host' must be a 'SignedHeader'");
    }

    @Test
    void rejectsScopesThatAreNotARegionOrTerminator() {
        assertThatThrownBy(() -> AuthorizationHeader.parse("AWS4-HMAC-SHA256 Credential=AKID/20250601/mars/kms/"
                + "aws4_request, SignedHeaders=host, Signature=" + SIG))
                .hasMessageContaining("valid region")
                .extracting(e -> ((RequestException) e).errorCode()).isEqualTo("InvalidSignatureException");
        assertThatThrownBy(() -> AuthorizationHeader.parse("AWS4-HMAC-SHA256 Credential=AKID/20250601/us-east-1/kms/"
                + "aws5_request, SignedHeaders=host, Signature=" + SIG)).hasMessageContaining("terminator");
        assertThat(AuthorizationHeader.isRegion("us-gov-west-1")).isTrue();
        assertThat(AuthorizationHeader.isRegion("ap-southeast-5")).isTrue();
        assertThat(AuthorizationHeader.isRegion("US-EAST-1")).isFalse();
        assertThat(AuthorizationHeader.isRegion("us-east")).isFalse();
    }
}
