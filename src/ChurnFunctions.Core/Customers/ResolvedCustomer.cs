using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;

namespace ChurnFunctions.Core.Customers;

/// <summary>
/// The customer a buyer resolved to, with what resolution already learnt of its record so the commit need not read it
/// again: <see cref="Record"/> as read (null with <see cref="IsKnown"/> for a customer that has no record yet).
/// When <see cref="IsKnown"/> is false the record must be read.
/// </summary>
public sealed record ResolvedCustomer(string Id, bool IsKnown, Versioned<CustomerRecord>? Record)
{
    public static ResolvedCustomer Unread(string id) => new(id, false, null);
}
