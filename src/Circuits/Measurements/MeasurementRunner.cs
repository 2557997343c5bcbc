using Hwsim.Circuits.Expressions;
using Hwsim.Circuits.Results;

namespace Hwsim.Circuits.Measurements;

/// <summary>
/// Runs a netlist's <c>.meas</c> lines on each result of their analysis, as ngspice's <c>do_measure</c> does: the
/// measurements first, then the <c>PARAM</c> lines over the netlist's parameters and every measurement so far (of this
/// analysis and earlier ones), results in line order.
/// </summary>
public sealed class MeasurementRunner
{
    private readonly IReadOnlyList<MeasureStatement> _statements;
    private readonly ParameterScope _scope;

    /// <summary>Creates a runner for the netlist's measurements over its parameters.</summary>
    public MeasurementRunner(IReadOnlyList<MeasureStatement> statements, IParameterScope parameters)
    {
        _statements = statements;
        _scope = new ParameterScope(parameters);
    }

    /// <summary>True when the netlist has measurements of this kind of analysis.</summary>
    public bool Measures(AnalysisKind kind) => _statements.Any(s => s.Analysis == kind);

    /// <summary>Every value measured so far, by name.</summary>
    public IReadOnlyList<MeasureResult> All => _all;

    private readonly List<MeasureResult> _all = [];

    /// <summary>Measures one result: the lines of its analysis, in netlist order.</summary>
    public IReadOnlyList<MeasureResult> Measure(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var mine = _statements.Where(s => s.Analysis == result.Kind).ToArray();
        var outcomes = new MeasureResult?[mine.Length];
        for (var i = 0; i < mine.Length; i++)
        {
            if (mine[i].Function == MeasureFunction.Param) continue;
            outcomes[i] = MeasureEvaluator.Evaluate(mine[i], result);
            if (outcomes[i]!.Value is { } v) _scope.Set(mine[i].Name, v);
        }
        for (var i = 0; i < mine.Length; i++)
        {
            if (mine[i].Function != MeasureFunction.Param) continue;
            outcomes[i] = Param(mine[i]);
            if (outcomes[i]!.Value is { } v) _scope.Set(mine[i].Name, v);
        }
        _all.AddRange(outcomes!);
        return outcomes!;
    }

    private MeasureResult Param(MeasureStatement m)
    {
        var name = m.Name.PadRight(20);
        try
        {
            var value = ExpressionParser.Parse(m.Expression!, _scope.FunctionNames).Evaluate(_scope);
            if (!double.IsNaN(value)) return new(m.Name, value, $"{name}=  {NgspiceNumbers.E(value, 5)}", null);
        }
        catch (ExpressionException)
        {
            // ngspice prints "failed" for an expression it cannot evaluate (a failed or unknown measurement)
        }
        return new(m.Name, null, $"{name}=   failed", $" {m.Text}: cannot evaluate '{m.Expression}'\n");
    }

    /// <summary>ngspice's header over the results of one analysis: <c>Measurements for Transient Analysis</c>.</summary>
    public static string Header(AnalysisKind kind) => kind switch
    {
        AnalysisKind.Ac => "  Measurements for AC Analysis",
        AnalysisKind.DcSweep => "  Measurements for DC Analysis",
        _ => "  Measurements for Transient Analysis",
    };
}
