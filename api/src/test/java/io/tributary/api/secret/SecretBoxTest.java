package io.tributary.api.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final String KEY = SecretBox.generateKey();

    @ParameterizedTest
    @ValueSource(strings = {"whsec-0123456789abcdef", "shpat_1234", "k9", "ünïcødé secret ✓", "enc:v2:not-ours"})
    void opensWhatItSealed(String secret) {
        SecretBox box = SecretBox.fromKey(KEY);

        String sealed = box.seal(secret);

        assertThat(sealed).startsWith(SecretBox.PREFIX).doesNotContain(secret.length() > 2 ? secret : SecretBox.PREFIX + secret);
        assertThat(box.open(sealed)).isEqualTo(secret);
    }

    @Test
    void sealsTheSameValueDifferentlyEachTime() {
        SecretBox box = SecretBox.fromKey(KEY);

        assertThat(box.seal("same secret value")).isNotEqualTo(box.seal("same secret value"));
    }

    @Test
    void leavesNullEmptyAndSealedValuesAsTheyAre() {
        SecretBox box = SecretBox.fromKey(KEY);
        String sealed = box.seal("secret");

        assertThat(box.seal(null)).isNull();
        assertThat(box.seal("")).isEmpty();
        assertThat(box.seal(sealed)).isEqualTo(sealed);
        assertThat(box.open(null)).isNull();
    }

    @Test
    void opensAValueStoredInClearBeforeSealingExistedAsItIs() {
        assertThat(SecretBox.fromKey(KEY).open("whsec-legacy-plain")).isEqualTo("whsec-legacy-plain");
    }

    @ParameterizedTest
    @CsvSource({"0", "7", "20", "-1"})
    void refusesASealedValueWithAnAlteredByte(int position) {
        SecretBox box = SecretBox.fromKey(KEY);
        byte[] bytes = Base64.getDecoder().decode(box.seal("whsec-0123456789abcdef").substring(SecretBox.PREFIX.length()));
        int index = position < 0 ? bytes.length + position : position;
        bytes[index] ^= 0x01;
        String altered = SecretBox.PREFIX + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> box.open(altered)).isInstanceOf(SecretBoxException.class)
                .hasMessageNotContaining("whsec");
    }

    @ParameterizedTest
    @ValueSource(strings = {"enc:v1:", "enc:v1:AAAA", "enc:v1:%%%not-base64"})
    void refusesATruncatedOrMalformedSealedValue(String sealed) {
        assertThatThrownBy(() -> SecretBox.fromKey(KEY).open(sealed)).isInstanceOf(SecretBoxException.class);
    }

    @Test
    void refusesToOpenWithAnotherKey() {
        String sealed = SecretBox.fromKey(KEY).seal("shpat_admin_token");

        assertThatThrownBy(() -> SecretBox.fromKey(SecretBox.generateKey()).open(sealed))
                .isInstanceOf(SecretBoxException.class).hasMessageContaining("another TRIBUTARY_SECRET_KEY");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            correct horse battery staple | correct horse battery staple | true
            correct horse battery staple | correct horse battery stapler | false
            """)
    void derivesTheSameKeyFromTheSamePassphraseOnly(String sealedWith, String openedWith, boolean opens) {
        String sealed = SecretBox.fromKey(sealedWith).seal("secret");

        if (opens) {
            assertThat(SecretBox.fromKey(openedWith).open(sealed)).isEqualTo("secret");
        } else {
            assertThatThrownBy(() -> SecretBox.fromKey(openedWith).open(sealed)).isInstanceOf(SecretBoxException.class);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8= | true
            AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwd     | false
            a passphrase                                 | false
            """)
    void readsThirtyTwoBase64BytesAsARawKey(String configured, boolean raw) {
        assertThat(SecretBox.isRawKey(configured)).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void refusesAnEmptyKey(String configured) {
        assertThatThrownBy(() -> SecretBox.fromKey(configured)).isInstanceOf(IllegalArgumentException.class);
    }
}
