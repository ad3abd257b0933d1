package coaching.ledger.platform.audit.tlog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Arrays;

/**
 * An Ed25519 signer of c2sp.org/signed-note notes, with its key in the text format of Go's
 * golang.org/x/mod/sumdb/note: {@code PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 || 32-byte seed)>}.
 */
public final class NoteSigner {

    private static final String PRIVATE_KEY_PREFIX = "PRIVATE+KEY+";
    private static final int SEED_SIZE = 32;

    private final String name;
    private final byte[] seed;
    private final byte[] publicKey;
    private final PrivateKey privateKey;
    private final int keyId;

    private NoteSigner(String name, byte[] seed) {
        if (!Notes.validName(name)) {
            throw new IllegalArgumentException(
                    "a key name must be non-empty, without spaces, '+' or control characters: " + name);
        }
        KeyPair keys = keyPairFromSeed(seed);
        this.name = name;
        this.seed = seed.clone();
        this.publicKey = Notes.raw(keys.getPublic());
        this.privateKey = keys.getPrivate();
        this.keyId = Notes.keyId(name, publicKey);
    }

    public static NoteSigner generate(String name) {
        byte[] seed = new byte[SEED_SIZE];
        new SecureRandom().nextBytes(seed);
        return new NoteSigner(name, seed);
    }

    /**
     * Reads a private key text, checking its name, algorithm byte and that its key id is the one of
     * the public key it derives. Messages never quote the text: it is a secret.
     */
    public static NoteSigner parse(String privateKeyText) {
        String text = privateKeyText == null ? "" : privateKeyText;
        if (!text.startsWith(PRIVATE_KEY_PREFIX)) {
            throw new IllegalArgumentException("a private key text starts with " + PRIVATE_KEY_PREFIX);
        }
        String[] parts = text.substring(PRIVATE_KEY_PREFIX.length()).split("\\+", 3);
        if (parts.length != 3 || !Notes.validName(parts[0]) || !parts[1].matches("[0-9a-fA-F]{8}")) {
            throw new IllegalArgumentException("a private key text is PRIVATE+KEY+<name>+<8 hex key id>+<base64 key>");
        }
        byte[] key;
        try {
            key = Notes.base64(parts[2]);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("the key of a private key text is not base64");
        }
        if (key.length != 1 + SEED_SIZE || key[0] != Notes.ED25519) {
            throw new IllegalArgumentException("a private key text holds 0x01 and a 32-byte Ed25519 seed");
        }
        NoteSigner signer = new NoteSigner(parts[0], Arrays.copyOfRange(key, 1, key.length));
        if (signer.keyId != Integer.parseUnsignedInt(parts[1], 16)) {
            throw new IllegalArgumentException("the key id of the private key text is not the one of its key");
        }
        return signer;
    }

    public String name() {
        return name;
    }

    public String privateKeyText() {
        return PRIVATE_KEY_PREFIX + name + "+" + Notes.hex(keyId) + "+" + Notes.base64(Notes.withAlgorithm(seed));
    }

    /** The public half, as {@link NoteVerifier#parse(String)} reads it. */
    public String verifierKey() {
        return name + "+" + Notes.hex(keyId) + "+" + Notes.base64(Notes.withAlgorithm(publicKey));
    }

    /**
     * The signed note of {@code text}: the text, a blank line and this key's signature line.
     *
     * @throws IllegalArgumentException when the text does not end in a newline or holds control characters
     */
    public String sign(String text) {
        if (text == null || !text.endsWith("\n") || !Notes.printable(text)) {
            throw new IllegalArgumentException("a note text ends in a newline and holds no other control characters");
        }
        byte[] signature;
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing is part of every Java 17 runtime", e);
        }
        byte[] keyIdAndSignature = new byte[4 + signature.length];
        keyIdAndSignature[0] = (byte) (keyId >>> 24);
        keyIdAndSignature[1] = (byte) (keyId >>> 16);
        keyIdAndSignature[2] = (byte) (keyId >>> 8);
        keyIdAndSignature[3] = (byte) keyId;
        System.arraycopy(signature, 0, keyIdAndSignature, 4, signature.length);
        return text + "\n— " + name + " " + Notes.base64(keyIdAndSignature) + "\n";
    }

    /**
     * The JDK builds Ed25519 keys only from randomness: its generator takes the private key's 32
     * bytes from the random source, so a source that returns the seed derives that seed's key pair.
     */
    private static KeyPair keyPairFromSeed(byte[] seed) {
        SecureRandom returnsTheSeed = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                if (bytes.length != SEED_SIZE) {
                    throw new IllegalStateException("the Ed25519 generator asked for " + bytes.length + " bytes");
                }
                System.arraycopy(seed, 0, bytes, 0, SEED_SIZE);
            }
        };
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(255, returnsTheSeed);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
        }
    }
}
