namespace Hwsim.Circuits.Blocks;

/// <summary>
/// One block of <see cref="BlockCatalog"/>: its name (as <c>hwsim block NAME</c> takes it), the levels it offers,
/// the stated input range and error bound per level, and a factory of its characterisation bench.
/// </summary>
public sealed class BlockDefinition
{
    private readonly Func<BlockDefinition, FidelityLevel, SignalScale, BlockBench> _bench;
    private readonly IReadOnlyDictionary<FidelityLevel, double> _bounds;

    internal BlockDefinition(string name, string description, IReadOnlyDictionary<FidelityLevel, double> errorBounds,
        string inputLabel, string? input2Label, string inputRange, string outputLabel, string idealLabel,
        Func<BlockDefinition, FidelityLevel, SignalScale, BlockBench> bench)
    {
        Name = name;
        Description = description;
        _bounds = errorBounds;
        Levels = errorBounds.Keys.Order().ToArray();
        InputLabel = inputLabel;
        Input2Label = input2Label;
        InputRange = inputRange;
        OutputLabel = outputLabel;
        IdealLabel = idealLabel;
        _bench = bench;
    }

    public string Name { get; }
    public string Description { get; }
    /// <summary>The levels the block offers, lowest first.</summary>
    public IReadOnlyList<FidelityLevel> Levels { get; }
    /// <summary>Device where the block has it, else its highest level.</summary>
    public FidelityLevel DefaultLevel => Levels[^1];
    /// <summary>What the (first) input is, with its unit.</summary>
    public string InputLabel { get; }
    /// <summary>The second input of a two-input block, or null.</summary>
    public string? Input2Label { get; }
    public int InputCount => Input2Label is null ? 1 : 2;
    /// <summary>The stated input range, in words (values).</summary>
    public string InputRange { get; }
    public string OutputLabel { get; }
    /// <summary>The ideal function, e.g. <c>tanh(x)</c>.</summary>
    public string IdealLabel { get; }

    /// <summary>The stated bound on max |circuit - ideal| over the stated range at <paramref name="level"/> (output units).</summary>
    public double ErrorBound(FidelityLevel level) =>
        _bounds.TryGetValue(level, out var b) ? b : throw new BlockLevelException(Name, level);

    public bool Offers(FidelityLevel level) => _bounds.ContainsKey(level);

    /// <summary>The characterisation bench at <paramref name="level"/>; throws <see cref="BlockLevelException"/> for a level the block lacks.</summary>
    public BlockBench CreateBench(FidelityLevel level, SignalScale? scale = null)
    {
        if (!Offers(level)) throw new BlockLevelException(Name, level);
        return _bench(this, level, scale ?? new SignalScale());
    }

    public override string ToString() => Name;
}
