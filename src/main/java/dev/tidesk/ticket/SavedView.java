package dev.tidesk.ticket;

/** A request list kept under a name: its filter and order as the list page's query string. */
public record SavedView(long id, Long ownerId, String name, String query) {

    public boolean shared() {
        return ownerId == null;
    }
}
