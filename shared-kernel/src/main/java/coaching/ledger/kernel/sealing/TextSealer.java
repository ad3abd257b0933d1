package coaching.ledger.kernel.sealing;

/** Seals a confidential text for its place (the platform's {@code Sealer}, under the client's key). */
@FunctionalInterface
public interface TextSealer {

    /** The envelope of {@code text} for {@code field}; null stays null; the same text and field seal alike. */
    String seal(SealedField field, String text);
}
