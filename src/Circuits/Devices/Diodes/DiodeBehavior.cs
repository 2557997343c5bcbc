using System.Numerics;
using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// The level-1 diode as ngspice's dioload.c / diotemp.c / dioacld.c: exponential forward current, a cubic reverse
/// tail, exponential breakdown, gmin in parallel, depletion and diffusion charge, series resistance through an
/// internal node <c>dname#internal</c>, and pnjlim junction limiting.
/// </summary>
public sealed partial class DiodeBehavior : Behavior, ITemperatureBehavior, IBiasingBehavior, IConvergenceBehavior,
    IFrequencyBehavior
{
    private readonly BiasingState _biasing;
    private readonly TransientState _transient;
    private readonly FrequencyState _frequency;
    private readonly DiodeModel _model;
    private readonly Diode _entity;
    private readonly int _pos, _neg, _posPrime;
    // state slots: voltage, current, conductance, charge, charge current
    private readonly int _s;
    private int Voltage => _s;
    private int Current => _s + 1;
    private int Conduct => _s + 2;
    private int CapCharge => _s + 3;

    // temperature-adjusted parameters
    private double _tSatCur, _tVcrit, _tJctPot, _tJctCap, _tDepCap, _tF1, _tF2, _tF3, _tBrkdwnV, _tTransitTime;
    private double _tGradingCoeff, _conductance, _vt, _vte, _vtebrk;
    private bool _breakdown;

    private int _pp, _nn, _ppPrime, _pPrimePos, _pPrimeNeg, _nPrime, _pPrimePrime;

    public DiodeBehavior(Diode entity, DiodeModel model, BindingContext context) : base(entity.Name)
    {
        _biasing = context.Biasing;
        _transient = context.Transient;
        _frequency = context.Frequency;
        _entity = entity;
        _model = model;
        _pos = context.Node(entity.Nodes[0]);
        _neg = context.Node(entity.Nodes[1]);
        _posPrime = model.SeriesResistance == 0 ? _pos : context.Unknowns.InternalNode(entity.Name, "internal");
        _s = context.AllocateStates(5);
        context.RegisterCharge(_s + 3);
        if (entity.Area <= 0) throw new CircuitException($"{entity.Name}: area must be positive", entity.Name);
        if (model.SaturationCurrent <= 0) throw new CircuitException($"{model.Name}: is must be positive", model.Name);
        if (model.EmissionCoefficient <= 0) throw new CircuitException($"{model.Name}: n must be positive", model.Name);
    }

    /// <summary>The junction capacitance found by the last small-signal load (F).</summary>
    public double Capacitance { get; private set; }

    public override void Setup(SetupContext context)
    {
        var m = context.Matrix;
        _pp = m.GetElement(_pos, _pos);
        _nn = m.GetElement(_neg, _neg);
        _pPrimePrime = m.GetElement(_posPrime, _posPrime);
        _ppPrime = m.GetElement(_pos, _posPrime);
        _nPrime = m.GetElement(_neg, _posPrime);
        _pPrimePos = m.GetElement(_posPrime, _pos);
        _pPrimeNeg = m.GetElement(_posPrime, _neg);
    }

    public void Temperature()
    {
        var model = _model;
        var temp = _biasing.Temperature;
        var tnom = (model.NominalTemperature ?? _biasing.Options.NominalTemperature) + PhysicalConstants.CelsiusToKelvin;
        const double refTemp = PhysicalConstants.ReferenceTemperature;
        const double k = PhysicalConstants.Boltzmann, q = PhysicalConstants.Charge;
        var area = _entity.Area;

        _vt = PhysicalConstants.KOverQ * temp;
        var vte = model.EmissionCoefficient * _vt;
        var vtnom = PhysicalConstants.KOverQ * tnom;
        _tGradingCoeff = Math.Min(model.GradingCoefficient, 0.9);

        var fact2 = temp / refTemp;
        var egfet = 1.16 - 7.02e-4 * temp * temp / (temp + 1108);
        var arg = -egfet / (2 * k * temp) + 1.1150877 / (k * (refTemp + refTemp));
        var pbfact = -2 * _vt * (1.5 * Math.Log(fact2) + q * arg);
        var egfet1 = 1.16 - 7.02e-4 * tnom * tnom / (tnom + 1108);
        var arg1 = -egfet1 / (k * 2 * tnom) + 1.1150877 / (2 * k * refTemp);
        var fact1 = tnom / refTemp;
        var pbfact1 = -2 * vtnom * (1.5 * Math.Log(fact1) + q * arg1);

        var pbo = (model.JunctionPotential - pbfact1) / fact1;
        var gmaold = (model.JunctionPotential - pbo) / pbo;
        _tJctCap = model.JunctionCapacitance * area / (1 + _tGradingCoeff * (400e-6 * (tnom - refTemp) - gmaold));
        _tJctPot = pbfact + fact2 * pbo;
        var gmanew = (_tJctPot - pbo) / pbo;
        _tJctCap *= 1 + _tGradingCoeff * (400e-6 * (temp - refTemp) - gmanew);

        var a1 = (temp / tnom - 1) * model.ActivationEnergy / vte;
        var a2 = model.SaturationCurrentExponent / model.EmissionCoefficient * Math.Log(temp / tnom);
        _tSatCur = model.SaturationCurrent * area * Math.Exp(a1 + a2);

        var fc = model.DepletionCapCoefficient;
        var xfc = Math.Log(1 - fc);
        _tF1 = _tJctPot * (1 - Math.Exp((1 - _tGradingCoeff) * xfc)) / (1 - _tGradingCoeff);
        _tDepCap = fc * _tJctPot;
        _vte = model.EmissionCoefficient * _vt;
        _tVcrit = _vte * Math.Log(_vte / (PhysicalConstants.Root2 * _tSatCur));
        if (_tDepCap > 1.0)
        {
            _tJctPot = 1.0 / fc;
            _tDepCap = fc * _tJctPot;
        }

        var nbv = model.BreakdownEmissionCoefficient ?? model.EmissionCoefficient;
        _vtebrk = nbv * _vt;
        _breakdown = model.BreakdownVoltage.HasValue;
        if (model.BreakdownVoltage is { } bv)
        {
            var cbv = model.BreakdownCurrent;
            double xbv;
            if (cbv < _tSatCur * bv / _vt)
            {
                xbv = bv;
            }
            else
            {
                var tol = _biasing.Options.RelTol * cbv;
                xbv = bv - nbv * _vt * Math.Log(1 + cbv / _tSatCur);
                for (var iter = 0; iter < 25; iter++)
                {
                    xbv = bv - nbv * _vt * Math.Log(cbv / _tSatCur + 1 - xbv / _vt);
                    var xcbv = _tSatCur * (Math.Exp((bv - xbv) / (nbv * _vt)) - 1 + xbv / _vt);
                    if (Math.Abs(xcbv - cbv) <= tol) break;
                }
            }
            _tBrkdwnV = xbv;
        }

        _tTransitTime = model.TransitTime;
        _conductance = model.SeriesResistance != 0 ? area / model.SeriesResistance : 0;
        _tF2 = Math.Exp((1 + _tGradingCoeff) * xfc);
        _tF3 = 1 - fc * (1 + _tGradingCoeff);
    }

    public void Load()
    {
        var s0 = _transient.States[0];
        var vte = _vte;
        var gspr = _conductance;
        var limited = false;
        double vd;

        switch (_biasing.Init)
        {
            case InitializationMode.SmallSignal:
                vd = s0[Voltage];
                break;
            case InitializationMode.Transient:
                vd = _transient.States[1][Voltage];
                break;
            case InitializationMode.Junction when (_biasing.Mode & AnalysisMode.TransientOperatingPoint) != 0 && _biasing.UseIc:
                vd = _entity.InitialCondition ?? 0;
                break;
            case InitializationMode.Junction when _entity.Off:
                vd = 0;
                break;
            case InitializationMode.Junction:
                vd = _tVcrit;
                break;
            case InitializationMode.Fix when _entity.Off:
                vd = 0;
                break;
            default:
                if (_biasing.Init == InitializationMode.Predict)
                {
                    var s1 = _transient.States[1];
                    s0[Voltage] = s1[Voltage];
                    vd = _transient.Predict(Voltage);
                    s0[Current] = s1[Current];
                    s0[Conduct] = s1[Conduct];
                }
                else
                {
                    vd = _biasing.Solution[_posPrime] - _biasing.Solution[_neg];
                }
                if (_breakdown && vd < Math.Min(0, -_tBrkdwnV + 10 * _vtebrk))
                {
                    var vdtemp = -(vd + _tBrkdwnV);
                    vdtemp = JunctionLimiting.Pnj(vdtemp, -(s0[Voltage] + _tBrkdwnV), _vtebrk, _tVcrit, out limited);
                    vd = -(vdtemp + _tBrkdwnV);
                }
                else
                {
                    vd = JunctionLimiting.Pnj(vd, s0[Voltage], vte, _tVcrit, out limited);
                }
                break;
        }

        // dc current and its derivative
        double cd, gd;
        var csat = _tSatCur;
        if (vd >= -3 * vte || !_breakdown || vd >= -_tBrkdwnV)
        {
            JunctionCurrent.Evaluate(vd, csat, vte, out cd, out gd);
        }
        else
        {
            var evrev = Math.Exp(-(_tBrkdwnV + vd) / _vtebrk);
            cd = -csat * evrev;
            gd = csat * evrev / _vtebrk;
        }
        gd += _biasing.Gmin;
        cd += _biasing.Gmin * vd;

        if (_biasing.ComputesCharges)
        {
            DepletionCharge.Evaluate(vd, _tJctCap, _tJctPot, _tGradingCoeff, _tDepCap, _tF1, _tF2, _tF3, out var deplcharge, out var deplcap);
            s0[CapCharge] = _tTransitTime * cd + deplcharge;
            var capd = _tTransitTime * gd + deplcap;
            Capacitance = capd;

            if (!((_biasing.Mode & AnalysisMode.TransientOperatingPoint) != 0 && _biasing.UseIc))
            {
                if (_biasing.Init == InitializationMode.SmallSignal)
                {
                    s0[CapCharge + 1] = capd;   // SPICE keeps the small-signal capacitance in the current slot
                    return;
                }
                if (_biasing.Init == InitializationMode.Transient) _transient.States[1][CapCharge] = s0[CapCharge];
                _transient.Integrate(CapCharge, capd, out var geq, out _);
                gd += geq;
                cd += s0[CapCharge + 1];
                if (_biasing.Init == InitializationMode.Transient) _transient.States[1][CapCharge + 1] = s0[CapCharge + 1];
            }
        }

        if ((_biasing.Init != InitializationMode.Fix || !_entity.Off) && limited)
        {
            _biasing.NotConverged(Name);
        }
        s0[Voltage] = vd;
        s0[Current] = cd;
        s0[Conduct] = gd;

        var cdeq = cd - gd * vd;
        _biasing.Rhs[_neg] += cdeq;
        _biasing.Rhs[_posPrime] -= cdeq;
        var v = _biasing.Matrix.Values;
        v[_pp] += gspr;
        v[_nn] += gd;
        v[_pPrimePrime] += gd + gspr;
        v[_ppPrime] -= gspr;
        v[_nPrime] -= gd;
        v[_pPrimePos] -= gspr;
        v[_pPrimeNeg] -= gd;
    }

    public bool IsConvergent()
    {
        var s0 = _transient.States[0];
        var vd = _biasing.Solution[_posPrime] - _biasing.Solution[_neg];
        var delvd = vd - s0[Voltage];
        var cdhat = s0[Current] + s0[Conduct] * delvd;
        var cd = s0[Current];
        var tol = _biasing.Options.RelTol * Math.Max(Math.Abs(cdhat), Math.Abs(cd)) + _biasing.Options.AbsTol;
        return Math.Abs(cdhat - cd) <= tol;
    }

    public void LoadAc()
    {
        var s0 = _transient.States[0];
        var gspr = _conductance;
        var geq = s0[Conduct];
        var xceq = s0[CapCharge + 1] * _frequency.Omega;
        var y = new Complex(geq, xceq);
        var v = _frequency.Matrix.Values;
        v[_pp] += gspr;
        v[_nn] += y;
        v[_pPrimePrime] += y + gspr;
        v[_ppPrime] -= gspr;
        v[_nPrime] -= y;
        v[_pPrimePos] -= gspr;
        v[_pPrimeNeg] -= y;
    }

}
