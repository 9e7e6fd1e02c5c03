package io.tributary.api.source;

/** Where a source's tracked events come from. Browser tokens are public and may only append events. */
public enum SourceType {
    BROWSER, SERVER;

    public boolean isBrowser() {
        return this == BROWSER;
    }
}
