using System.Threading.Channels;

namespace Monitor.Core.Credits;

/// <summary>
/// Charges wait here for <see cref="CreditLedgerWriter"/>, which writes them in batches: counting never adds a database
/// round trip to an upstream request, and a page write never waits for the ledger.
/// </summary>
public sealed class CreditLedgerQueue
{
    private readonly Channel<CreditCharge> _channel = Channel.CreateUnbounded<CreditCharge>(new UnboundedChannelOptions { SingleReader = true });

    internal ChannelReader<CreditCharge> Reader => _channel.Reader;

    public void Add(CreditCharge charge) => _channel.Writer.TryWrite(charge);
}
