package io.tributary.query.attribution;

import org.bson.Document;

/** A touch as a BSON sub-document, the same in every attribution collection. */
final class TouchDocuments {

    private TouchDocuments() {
    }

    static Document toDocument(Touch t) {
        return new Document("channelGroup", t.channelGroup()).append("channel", t.channel())
                .append("campaign", t.campaign()).append("adSet", t.adSet()).append("ad", t.ad());
    }

    static Touch touchOf(Document d) {
        return new Touch(d.getString("channelGroup"), d.getString("channel"), d.getString("campaign"),
                d.getString("adSet"), d.getString("ad"));
    }
}
