namespace Tripmate.Messaging.Notifications;

/// <summary>
/// The last ids one stream has sent: a notification can arrive both from the store (resume) and
/// live, or live twice (a redelivered event); the client sees it once. Bounded, oldest forgotten first.
/// </summary>
internal sealed class RecentIds(int capacity)
{
    private readonly HashSet<Guid> _ids = [];
    private readonly Queue<Guid> _order = new();

    /// <summary>False when the id was seen already.</summary>
    public bool Add(Guid id)
    {
        if (!_ids.Add(id))
        {
            return false;
        }

        _order.Enqueue(id);
        if (_order.Count > capacity)
        {
            _ids.Remove(_order.Dequeue());
        }

        return true;
    }
}
