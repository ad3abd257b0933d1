package coaching.ledger.platform.audit.tlog;

import coaching.ledger.platform.audit.tlog.NoteException.Reason;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;

/**
 * Checks c2sp.org/signed-note notes against one Ed25519 key, read from its verifier key text
 * {@code <name>+<8 hex key id>+<base64(0x01 || public key)>}. Signatures by other keys are ignored,
 * as the specification requires.
 */
public final class NoteVerifier {

    /** The specification asks to accept at least 16; Go's reference accepts 100. */
    private static final int MAX_SIGNATURES = 100;

    private static final String SIGNATURE_PREFIX = "— ";

    private final String name;
    private final int keyId;
    private final PublicKey publicKey;

    private NoteVerifier(String name, int keyId, PublicKey publicKey) {
        this.name = name;
        this.keyId = keyId;
        this.publicKey = publicKey;
    }

    /** @throws IllegalArgumentException when the text is not an Ed25519 verifier key whose id matches its key */
    public static NoteVerifier parse(String verifierKeyText) {
        String[] parts = verifierKeyText == null ? new String[0] : verifierKeyText.split("\\+", 3);
        if (parts.length != 3 || !Notes.validName(parts[0]) || !parts[1].matches("[0-9a-fA-F]{8}")) {
            throw new IllegalArgumentException("a verifier key is <name>+<8 hex key id>+<base64 key>");
        }
        byte[] key;
        try {
            key = Notes.base64(parts[2]);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("the key of a verifier key is not base64");
        }
        if (key.length != 1 + Notes.PUBLIC_KEY_SIZE || key[0] != Notes.ED25519) {
            throw new IllegalArgumentException("a verifier key holds 0x01 and a 32-byte Ed25519 public key");
        }
        byte[] raw = Arrays.copyOfRange(key, 1, key.length);
        int keyId = Notes.keyId(parts[0], raw);
        if (keyId != Integer.parseUnsignedInt(parts[1], 16)) {
            throw new IllegalArgumentException("the key id of the verifier key is not the one of its key");
        }
        try {
            return new NoteVerifier(parts[0], keyId, Notes.ed25519PublicKey(raw));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the verifier key is not an Ed25519 public key");
        }
    }

    public String name() {
        return name;
    }

    /**
     * The text of {@code note} (with its final newline, without the blank line and the signatures),
     * when one of its signature lines carries this key's name and id and verifies.
     */
    public String verify(String note) throws NoteException {
        if (note == null || note.length() > Notes.MAX_TEXT_CHARS || !Notes.printable(note)) {
            throw new NoteException(Reason.MALFORMED, "not a signed note: too long, or holds control characters");
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new NoteException(Reason.MALFORMED, "not a signed note: no blank line before signatures");
        }
        String text = note.substring(0, split + 1);
        String signatures = note.substring(split + 2);
        if (signatures.isEmpty() || !signatures.endsWith("\n")) {
            throw new NoteException(Reason.MALFORMED, "not a signed note: no signature lines ending in a newline");
        }
        String[] lines = signatures.substring(0, signatures.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new NoteException(Reason.MALFORMED, "not a signed note: more than " + MAX_SIGNATURES + " signatures");
        }
        byte[] ours = null;
        for (String line : lines) {
            byte[] signed = signatureBy(line);
            if (ours == null && signed != null) {
                ours = signed;
            }
        }
        if (ours == null) {
            throw new NoteException(
                    Reason.UNKNOWN_KEY, "the note carries no signature by key " + name + "+" + Notes.hex(keyId));
        }
        if (!verifies(text, ours)) {
            throw new NoteException(
                    Reason.BAD_SIGNATURE,
                    "the signature by key " + name + "+" + Notes.hex(keyId) + " does not verify: the note was altered");
        }
        return text;
    }

    /** The signature bytes of a well-formed line when it carries this key's name and id, else null. */
    private byte[] signatureBy(String line) throws NoteException {
        if (!line.startsWith(SIGNATURE_PREFIX)) {
            throw new NoteException(Reason.MALFORMED, "not a signed note: a signature line starts with '— '");
        }
        String rest = line.substring(SIGNATURE_PREFIX.length());
        int space = rest.indexOf(' ');
        String signer = space < 0 ? rest : rest.substring(0, space);
        String base64 = space < 0 ? "" : rest.substring(space + 1);
        byte[] signature;
        try {
            signature = Notes.base64(base64);
        } catch (IllegalArgumentException notBase64) {
            throw new NoteException(Reason.MALFORMED, "not a signed note: a signature is not base64");
        }
        if (!Notes.validName(signer) || signature.length < 5) {
            throw new NoteException(Reason.MALFORMED, "not a signed note: a signature line is '— <name> <base64>'");
        }
        int signatureKeyId = (signature[0] & 0xFF) << 24
                | (signature[1] & 0xFF) << 16
                | (signature[2] & 0xFF) << 8
                | (signature[3] & 0xFF);
        return signer.equals(name) && signatureKeyId == keyId
                ? Arrays.copyOfRange(signature, 4, signature.length)
                : null;
    }

    private boolean verifies(String text, byte[] signature) {
        if (signature.length != Notes.SIGNATURE_SIZE) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException notASignature) {
            return false;
        }
    }
}
