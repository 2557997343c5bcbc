using Hwsim.Circuits.Devices;
using Hwsim.Circuits.Expressions;

namespace Hwsim.Circuits.Netlist;

/// <summary>
/// The native memristor hook: an instance of a sub-circuit whose text is exactly what
/// <see cref="MemristorModel.ToSubcircuit"/> writes for the parameters its header's comment states becomes one
/// <see cref="Memristor"/> device instead of its behavioural sources, capacitor, resistor and source. Any other
/// text (edited, or another author's memristor) is elaborated as the sub-circuit it is, and so is every instance
/// when <c>.options hwsim_native_memristor=0</c>. ngspice, for which the comment is a comment, runs the sub-circuit.
/// </summary>
internal sealed partial class Elaborator
{
    /// <summary>The option that turns the native memristor off (0) or on (1, the default).</summary>
    internal const string NativeMemristorOption = "hwsim_native_memristor";

    private bool _nativeMemristors = true;
    private readonly Dictionary<SubcircuitDefinition, MemristorModel?> _memristorModels = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Whether the top level's <c>.options</c> leave the native memristor on; read before any element, since the
    /// options are applied after the elements (a value that is not 0 or 1 is refused there, located).
    /// </summary>
    private static bool NativeMemristorsWanted(List<NetlistLine> top)
    {
        var wanted = true;
        foreach (var line in top)
        {
            if (line.Keyword is not (".options" or ".option" or ".opt")) continue;
            for (var i = 1; i + 2 < line.Tokens.Count; i++)
            {
                if (!line.Tokens[i].Is(NativeMemristorOption) || line.Tokens[i + 1].Kind != NetlistTokenKind.Equals) continue;
                if (SpiceNumber.TryParse(line.Tokens[i + 2].Text, out var value)) wanted = value != 0;
            }
        }
        return wanted;
    }

    /// <summary><c>hwsim_native_memristor=0|1</c> of <c>.options</c>.</summary>
    private void NativeMemristorSwitch(TokenCursor c)
    {
        var valueToken = c.Next($"value of {NativeMemristorOption}");
        if (valueToken.Kind != NetlistTokenKind.Word || !SpiceNumber.TryParse(valueToken.Text, out var value) || value is not (0 or 1))
            throw new NetlistException(valueToken.Location, $".options: {NativeMemristorOption} must be 0 (run memristor sub-circuits as written) or 1 (as native devices), got '{valueToken.Text}'");
        _netlist.GivenOptions[NativeMemristorOption] = value == 0 ? "0" : "1";
    }

    /// <summary>The model when instances of <paramref name="def"/> run as native memristors, else null.</summary>
    private MemristorModel? NativeMemristor(SubcircuitDefinition def)
    {
        if (!_nativeMemristors) return null;
        if (_memristorModels.TryGetValue(def, out var known)) return known;
        var model = RecognizeMemristor(def);
        _memristorModels[def] = model;
        return model;
    }

    /// <summary>
    /// Reads the parameter comment of the header (<c>; hwsim memristor: key=value ...</c>), regenerates the
    /// sub-circuit from it and compares the text, line by line, character for character. A comment that states a
    /// parameter it cannot read, or parameters that make no memristor, is an error located at it.
    /// </summary>
    private MemristorModel? RecognizeMemristor(SubcircuitDefinition def)
    {
        var header = def.Header;
        var text = header.Text;
        var semicolon = text.IndexOf(';');
        if (semicolon < 0) return null;
        var marker = text.IndexOf(MemristorModel.ParameterMarker, semicolon, StringComparison.Ordinal);
        if (marker < 0) return null;

        SourceLocation At(int index) => header.Location with { Column = header.Location.Column + index };
        var values = new List<(string Key, string Value)>();
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var i = marker + MemristorModel.ParameterMarker.Length;
        while (i < text.Length)
        {
            if (text[i] == ' ')
            {
                i++;
                continue;
            }
            var end = text.IndexOf(' ', i);
            if (end < 0) end = text.Length;
            var word = text[i..end];
            var equals = word.IndexOf('=');
            if (equals <= 0 || equals == word.Length - 1)
                throw new NetlistException(At(i), $".subckt {def.Name}: expected key=value in the memristor parameters, got '{word}'");
            var key = word[..equals];
            if (!columns.TryAdd(key, i))
                throw new NetlistException(At(i), $".subckt {def.Name}: memristor parameter {key} is given twice");
            values.Add((key, word[(equals + 1)..]));
            i = end;
        }

        if (def.Parameters.Count != 1 || !def.Parameters[0].Name.Equals("x0", StringComparison.OrdinalIgnoreCase)
            || !SpiceNumber.TryParse(def.Parameters[0].Value.Text, out var x0))
            return NotNative(def);
        MemristorModel model;
        try
        {
            model = MemristorModel.FromParameters(header.Tokens[1].Text, x0, values);
        }
        catch (FormatException e)
        {
            var key = e.Message[..e.Message.IndexOf(':')];
            throw new NetlistException(At(columns[key]), $".subckt {def.Name}: memristor parameter {e.Message}");
        }
        catch (ArgumentException e)
        {
            throw new NetlistException(At(marker), $".subckt {def.Name}: {e.Message}");
        }

        var regenerated = model.ToSubcircuit().Split('\n').Where(l => l.Length > 0 && l[0] != '*');
        var written = def.Body.Select(l => l.Text).Prepend(header.Text).Append(def.EndText);
        return def.Children.Count == 0 && regenerated.SequenceEqual(written, StringComparer.Ordinal) ? model : NotNative(def);
    }

    private MemristorModel? NotNative(SubcircuitDefinition def)
    {
        _netlist.Notes.Add($"{def.Location}: .subckt {def.Name} states hwsim's memristor parameters but its text is not what they give: its instances run as the sub-circuit");
        return null;
    }

    /// <summary>One native memristor for the instance <paramref name="name"/>, its x0 evaluated as the sub-circuit's would be.</summary>
    private void NativeMemristorInstance(NetlistLine line, Scope scope, Scope inner, string name, List<string> nodes,
        MemristorModel model, SourceLocation x0At)
    {
        inner.Parameters.TryGetValue("x0", out var x0);
        if (!(x0 is >= 0 and <= 1))
            throw new NetlistException(x0At, $"{name}: the memristor state x0 must be in [0, 1], got {NetlistNumber.Format(x0)}");
        AddEntity(new Memristor(ElementName(scope, name), nodes[0], nodes[1], model, x0, inner.Path), line);
    }
}
