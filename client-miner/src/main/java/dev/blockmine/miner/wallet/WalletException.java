package dev.blockmine.miner.wallet;

/** Something the wallet cannot do, said in one line for the user (wrong password, no key file, ...). */
public final class WalletException extends Exception {

    public WalletException(String message) {
        super(message, null, false, false);
    }
}
