package coaching.ledger.platform.audit;

import coaching.ledger.platform.audit.ReceiptCheck.Disclosure;
import coaching.ledger.platform.audit.tlog.Checkpoint;
import coaching.ledger.platform.audit.tlog.Merkle;
import coaching.ledger.platform.audit.tlog.NoteException;
import coaching.ledger.platform.audit.tlog.NoteVerifier;
import coaching.ledger.platform.audit.tlog.TlogProof;

import java.util.Map;
import java.util.Objects;

/**
 * A disclosure receipt: the {@link TlogProof} of an {@code UpdateShared} leaf followed by the one of
 * the {@code UpdateConsentGranted} leaf it relied on, each with its {@link LeafRecord} as extra data,
 * both under the same signed checkpoint. Anyone with the log's verifier key can check it offline.
 */
public record Receipt(TlogProof disclosure, TlogProof consent) {

    /** Two proofs, each with a checkpoint note of at most 1 Mi characters (what NoteVerifier reads). */
    private static final int MAX_RECEIPT_CHARS = 2 << 20;

    private static final String NEXT_PROOF = "\n" + TlogProof.HEADER + "\n";

    public Receipt {
        Objects.requireNonNull(disclosure, "disclosure");
        Objects.requireNonNull(consent, "consent");
    }

    public String format() {
        return disclosure.format() + consent.format();
    }

    /** @throws IllegalArgumentException when the text is not two tlog-proofs */
    public static Receipt parse(String text) {
        String[] blocks = blocks(text);
        return new Receipt(TlogProof.parse(blocks[0]), TlogProof.parse(blocks[1]));
    }

    /**
     * Checks a receipt offline against the log's verifier key: UNUSABLE when the text is not two
     * proof blocks, INVALID when they do not prove a disclosure and its consent. Never throws.
     */
    public static ReceiptCheck check(String receiptText, NoteVerifier key) {
        String[] blocks;
        try {
            blocks = blocks(receiptText);
        } catch (IllegalArgumentException notAReceipt) {
            return ReceiptCheck.unusable(notAReceipt.getMessage());
        }
        try {
            return new Receipt(TlogProof.parse(blocks[0]), TlogProof.parse(blocks[1])).check(key);
        } catch (IllegalArgumentException broken) {
            return ReceiptCheck.invalid(broken.getMessage());
        }
    }

    /**
     * The text of the two proofs: the second starts at the next header line, which cannot occur
     * inside the first (its checkpoint is origin, size and root, then signature lines).
     */
    private static String[] blocks(String text) {
        if (text == null || text.length() > MAX_RECEIPT_CHARS || !text.startsWith(TlogProof.HEADER + "\n")) {
            throw new IllegalArgumentException("a receipt starts with the line " + TlogProof.HEADER);
        }
        int second = text.indexOf(NEXT_PROOF);
        if (second < 0 || text.indexOf(NEXT_PROOF, second + 1) >= 0) {
            throw new IllegalArgumentException("a receipt is two proofs, each starting with " + TlogProof.HEADER);
        }
        return new String[] {text.substring(0, second + 1), text.substring(second + 1)};
    }

    private ReceiptCheck check(NoteVerifier key) {
        if (!disclosure.checkpoint().equals(consent.checkpoint())) {
            return ReceiptCheck.invalid("the two proofs are under different checkpoints");
        }
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.verified(disclosure.checkpoint(), key);
        } catch (NoteException unsigned) {
            return ReceiptCheck.invalid(
                    "the checkpoint is not signed by key " + key.name() + ": " + unsigned.getMessage());
        }
        String disclosureProblem = notIncluded(disclosure, checkpoint, "disclosure");
        String consentProblem = notIncluded(consent, checkpoint, "consent");
        if (disclosureProblem != null || consentProblem != null) {
            return ReceiptCheck.invalid(disclosureProblem != null ? disclosureProblem : consentProblem);
        }
        Map<String, String> shared = LeafRecord.parse(disclosure.extra());
        Map<String, String> granted = LeafRecord.parse(consent.extra());
        if (!simpleType(shared).equals("UpdateShared")) {
            return ReceiptCheck.invalid(
                    "the first proof is not of a disclosure (UpdateShared) but of " + shared.get("payloadType"));
        }
        if (!simpleType(granted).equals("UpdateConsentGranted")) {
            return ReceiptCheck.invalid("the second proof is not of a consent grant (UpdateConsentGranted) but of "
                    + granted.get("payloadType"));
        }
        if (!granted.get("eventId").equals(shared.get("consentGrantEventId"))) {
            return ReceiptCheck.invalid("the disclosure relied on consent grant event "
                    + shared.get("consentGrantEventId") + ", the receipt proves event " + granted.get("eventId"));
        }
        if (!Objects.equals(granted.get("consentId"), shared.get("consentId"))
                || !Objects.equals(granted.get("engagementId"), shared.get("engagementId"))) {
            return ReceiptCheck.invalid("the consent grant is of another consent or engagement than the disclosure");
        }
        if (globalIndex(granted) >= globalIndex(shared)) {
            return ReceiptCheck.invalid("the consent grant was not recorded before the disclosure");
        }
        Disclosure facts = new Disclosure(
                shared.get("engagementId"),
                shared.get("updateId"),
                shared.get("audience"),
                shared.get("scope"),
                shared.get("recipientId"),
                shared.get("sharedBy"),
                shared.get("sharedAt"),
                shared.get("consentId"),
                shared.get("consentGrantEventId"),
                checkpoint.origin(),
                checkpoint.size());
        return ReceiptCheck.valid(
                "the disclosure and the consent grant it relied on are in the log of " + checkpoint.origin()
                        + " at tree size " + checkpoint.size() + ", signed by key " + key.name(),
                facts);
    }

    /** Why the proof's leaf record is not at its index in the checkpoint's tree, or null when it is. */
    private static String notIncluded(TlogProof proof, Checkpoint checkpoint, String what) {
        if (proof.extra() == null) {
            return "the " + what + " proof carries no leaf record";
        }
        boolean included = Merkle.verifyInclusion(
                proof.index(),
                checkpoint.size(),
                Merkle.leafHash(proof.extra()),
                proof.hashes(),
                checkpoint.rootHash());
        return included
                ? null
                : "the " + what + " leaf record is not at index " + proof.index() + " of the tree of size "
                        + checkpoint.size() + ": the record, the proof or the index was altered";
    }

    private static String simpleType(Map<String, String> record) {
        String type = record.get("payloadType");
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static long globalIndex(Map<String, String> record) {
        try {
            return Long.parseLong(record.get("globalIndex"));
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("a leaf record's globalIndex is not a number");
        }
    }
}
