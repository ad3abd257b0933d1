package coaching.ledger.platform.sealing;

import org.springframework.mock.env.MockEnvironment;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Key-encryption keys for tests, made the way an operator makes one: a Tink JSON keyset, base64 for ledger.keys.kek. */
final class TestKeks {

    private TestKeks() {}

    static String newBase64() {
        return Base64.getEncoder()
                .encodeToString(KeyEncryptionKey.newKeysetJson().getBytes(StandardCharsets.UTF_8));
    }

    static KeyEncryptionKey fromBase64(String base64) {
        return KeyEncryptionKey.fromEnvironment(new MockEnvironment().withProperty(KeyEncryptionKey.KEY, base64));
    }

    static KeyEncryptionKey newKek() {
        return fromBase64(newBase64());
    }
}
