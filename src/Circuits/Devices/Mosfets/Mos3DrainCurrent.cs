using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// Level 3: ngspice's semi-empirical short-channel drain current (mos3load.c, moseq3): threshold with the junction
/// depth's short-channel reduction (XJ), narrow-width effect (DELTA) and drain-induced barrier lowering (ETA);
/// mobility degraded by the gate field (THETA); velocity saturation (VMAX); channel-length modulation by the
/// saturation field (KAPPA) with the punch-through approximation; and the weak-inversion current when NFS is given.
/// The ngspice option badmos3 (the pre-3f4 equations) is not offered.
/// </summary>
internal sealed class Mos3DrainCurrent(MosfetModel model) : IMosfetDrainCurrent
{
    // the polynomial fit of the junction-depth correction (moseq3's coeff0..2)
    private const double Coeff0 = 0.0631353e0, Coeff1 = 0.8013292e0, Coeff2 = -0.01110777e0;
    private const double SiliconPermittivity = 11.7 * 8.854214871e-12;

    private double _vbi, _gamma, _phi, _beta, _length, _width, _surfaceMobility, _eta, _narrowFactor, _alpha,
        _coeffDepLayWidth, _surfaceStateRatio;

    public void Prepare(in MosfetChannel channel)
    {
        _vbi = channel.Vbi * channel.Type;
        _gamma = channel.Gamma;
        _phi = channel.Phi;
        _beta = channel.Beta;
        _length = channel.EffectiveLength;
        _width = channel.EffectiveWidth;
        _surfaceMobility = channel.SurfaceMobility;
        _eta = model.Eta * 8.15e-22 / (channel.OxideCapFactor * _length * _length * _length);
        _narrowFactor = model.NarrowWidthDelta * 0.5 * Math.PI * SiliconPermittivity / channel.OxideCapFactor;
        // mos3temp: the depletion-layer coefficient exists only when NSUB is given
        _alpha = model.SubstrateDoping is { } nsub
            ? (SiliconPermittivity + SiliconPermittivity) / (PhysicalConstants.Charge * nsub * 1e6)
            : 0;
        _coeffDepLayWidth = Math.Sqrt(_alpha);
        _surfaceStateRatio = PhysicalConstants.Charge * model.FastSurfaceStateDensity * 1e4 * _length * _width
            * channel.Multiplier / channel.OxideCap;
    }

    public double Evaluate(double vgs, double vbs, double vds, double vt, out double gm, out double gds, out double gmbs,
        out double von, out double vdsat)
    {
        vdsat = 0;
        var oneOverXl = 1 / _length;

        // square root term
        double phibs, sqphbs, dsqdvb;
        if (vbs <= 0)
        {
            phibs = _phi - vbs;
            sqphbs = Math.Sqrt(phibs);
            dsqdvb = -0.5 / sqphbs;
        }
        else
        {
            var sqphis = Math.Sqrt(_phi);
            var sqphs3 = _phi * sqphis;
            sqphbs = sqphis / (1.0 + vbs / (_phi + _phi));
            phibs = sqphbs * sqphbs;
            dsqdvb = -phibs / (sqphs3 + sqphs3);
        }

        // short-channel effect factor
        double fshort, dfsdvb;
        var xj = model.JunctionDepth;
        if (xj != 0 && _coeffDepLayWidth != 0)
        {
            var wps = _coeffDepLayWidth * sqphbs;
            var oneOverXj = 1.0 / xj;
            var xjonxl = xj * oneOverXl;
            var djonxj = model.LateralDiffusion * oneOverXj;
            var wponxj = wps * oneOverXj;
            var wconxj = Coeff0 + Coeff1 * wponxj + Coeff2 * wponxj * wponxj;
            var arga = wconxj + djonxj;
            var argc = wponxj / (1.0 + wponxj);
            var argb = Math.Sqrt(1.0 - argc * argc);
            fshort = 1.0 - xjonxl * (arga * argb - djonxj);
            var dwpdvb = _coeffDepLayWidth * dsqdvb;
            var dadvb = (Coeff1 + Coeff2 * (wponxj + wponxj)) * dwpdvb * oneOverXj;
            var dbdvb = -argc * argc * (1.0 - argc) * dwpdvb / (argb * wps);
            dfsdvb = -xjonxl * (dadvb * argb + arga * dbdvb);
        }
        else
        {
            fshort = 1.0;
            dfsdvb = 0.0;
        }

        // body effect
        var gammas = _gamma * fshort;
        var fbodys = 0.5 * gammas / (sqphbs + sqphbs);
        var fbody = fbodys + _narrowFactor / _width;
        var onfbdy = 1.0 / (1.0 + fbody);
        var dfbdvb = -fbodys * dsqdvb / sqphbs + fbodys * dfsdvb / fshort;
        var qbonco = gammas * sqphbs + _narrowFactor * phibs / _width;
        var dqbdvb = gammas * dsqdvb + _gamma * dfsdvb * sqphbs - _narrowFactor / _width;

        // static feedback (the drain lowers the threshold) and the threshold
        var vbix = _vbi - _eta * vds;
        var vth = vbix + qbonco;
        var dvtdvd = -_eta;
        var dvtdvb = dqbdvb;

        // joint weak and strong inversion
        von = vth;
        double xn = 0, dxndvb = 0, dvodvd = 0, dvodvb = 0;
        var weakInversion = model.FastSurfaceStateDensity != 0;
        if (weakInversion)
        {
            var cdonco = qbonco / (phibs + phibs);
            xn = 1.0 + _surfaceStateRatio + cdonco;
            von = vth + vt * xn;
            dxndvb = dqbdvb / (phibs + phibs) - qbonco * dsqdvb / (phibs * sqphbs);
            dvodvd = dvtdvd;
            dvodvb = dvtdvb + vt * dxndvb;
        }
        else if (vgs <= von)
        {
            // cut off
            gm = gds = gmbs = 0;
            return 0;
        }

        // the device is on
        var vgsx = Math.Max(vgs, von);

        // mobility modulation by the gate voltage
        var onfg = 1.0 + model.Theta * (vgsx - vth);
        var fgate = 1.0 / onfg;
        var us = _surfaceMobility * 1e-4 * fgate;
        var dfgdvg = -model.Theta * fgate * fgate;
        var dfgdvd = -dfgdvg * dvtdvd;
        var dfgdvb = -dfgdvg * dvtdvb;

        // saturation voltage
        var vmax = model.MaxDriftVelocity;
        double dvsdvg, dvsdvd, dvsdvb, onvdsc = 0;
        vdsat = (vgsx - vth) * onfbdy;
        if (vmax <= 0)
        {
            dvsdvg = onfbdy;
            dvsdvd = -dvsdvg * dvtdvd;
            dvsdvb = -dvsdvg * dvtdvb - vdsat * dfbdvb * onfbdy;
        }
        else
        {
            var vdsc = _length * vmax / us;
            onvdsc = 1.0 / vdsc;
            var arga = (vgsx - vth) * onfbdy;
            var argb = Math.Sqrt(arga * arga + vdsc * vdsc);
            vdsat = arga + vdsc - argb;
            var dvsdga = (1.0 - arga / argb) * onfbdy;
            dvsdvg = dvsdga - (1.0 - vdsc / argb) * vdsc * dfgdvg * onfg;
            dvsdvd = -dvsdvg * dvtdvd;
            dvsdvb = -dvsdvg * dvtdvb - arga * dvsdga * dfbdvb;
        }

        // current factors in the linear region
        var vdsx = Math.Min(vds, vdsat);
        var beta = _beta;
        if (vdsx == 0.0)
        {
            // vds = 0: no current, only the channel conductance
            beta *= fgate;
            gm = 0;
            gds = beta * (vgsx - vth);
            gmbs = 0;
            if (weakInversion && vgs < von) gds *= Math.Exp((vgs - von) / (vt * xn));
            return 0;
        }
        var cdo = vgsx - vth - 0.5 * (1.0 + fbody) * vdsx;
        var dcodvb = -dvtdvb - 0.5 * dfbdvb * vdsx;

        // normalised drain current, then without velocity saturation
        var cdnorm = cdo * vdsx;
        gm = vdsx;
        gds = vds > vdsat ? -dvtdvd * vdsx : vgsx - vth - (1.0 + fbody + dvtdvd) * vdsx;
        gmbs = dcodvb * vdsx;
        var cd1 = beta * cdnorm;
        beta *= fgate;
        var cdrain = beta * cdnorm;
        gm = beta * gm + dfgdvg * cd1;
        gds = beta * gds + dfgdvd * cd1;
        gmbs = beta * gmbs + dfgdvb * cd1;

        // velocity saturation factor
        double fdrain = 0, dfddvg = 0, dfddvd = 0, dfddvb = 0;
        if (vmax > 0)
        {
            fdrain = 1.0 / (1.0 + vdsx * onvdsc);
            var fd2 = fdrain * fdrain;
            var arga = fd2 * vdsx * onvdsc * onfg;
            dfddvg = -dfgdvg * arga;
            dfddvd = vds > vdsat ? -dfgdvd * arga : -dfgdvd * arga - fd2 * onvdsc;
            dfddvb = -dfgdvb * arga;
            gm = fdrain * gm + dfddvg * cdrain;
            gds = fdrain * gds + dfddvd * cdrain;
            gmbs = fdrain * gmbs + dfddvb * cdrain;
            cdrain = fdrain * cdrain;
        }

        // channel-length modulation
        var kappa = model.Kappa;
        var modulated = true;
        double delxl = 0, dldvd = 0, ddldvg = 0, ddldvd = 0, ddldvb = 0;
        if (vds <= vdsat)
        {
            if (vmax > 0 || _alpha == 0)
            {
                modulated = false;
            }
            else
            {
                var arga = vds / vdsat;
                delxl = Math.Sqrt(kappa * _alpha * vdsat / 8);
                dldvd = 4 * delxl * arga * arga * arga / vdsat;
                arga *= arga;
                arga *= arga;
                delxl *= arga;
                ddldvd = -dldvd;
            }
        }
        else if (vmax <= 0)
        {
            delxl = Math.Sqrt(kappa * _alpha * (vds - vdsat + (vdsat / 8)));
            dldvd = 0.5 * delxl / (vds - vdsat + (vdsat / 8));
            ddldvd = -dldvd;
        }
        else if (_alpha == 0)
        {
            modulated = false;
        }
        else
        {
            var cdsat = cdrain;
            var gdsat = Math.Max(1.0e-12, cdsat * (1.0 - fdrain) * onvdsc);
            var gdoncd = gdsat / cdsat;
            var gdonfd = gdsat / (1.0 - fdrain);
            var gdonfg = gdsat * onfg;
            var dgdvg = gdoncd * gm - gdonfd * dfddvg + gdonfg * dfgdvg;
            var dgdvd = gdoncd * gds - gdonfd * dfddvd + gdonfg * dfgdvd;
            var dgdvb = gdoncd * gmbs - gdonfd * dfddvb + gdonfg * dfgdvb;
            var emax = kappa * cdsat * oneOverXl / gdsat;
            var emoncd = emax / cdsat;
            var emongd = emax / gdsat;
            var demdvg = emoncd * gm - emongd * dgdvg;
            var demdvd = emoncd * gds - emongd * dgdvd;
            var demdvb = emoncd * gmbs - emongd * dgdvb;
            var arga = 0.5 * emax * _alpha;
            var argc = kappa * _alpha;
            var argb = Math.Sqrt(arga * arga + argc * (vds - vdsat));
            delxl = argb - arga;
            double dldem = 0;
            if (argb != 0.0)
            {
                dldvd = argc / (argb + argb);
                dldem = 0.5 * (arga / argb - 1.0) * _alpha;
            }
            ddldvg = dldem * demdvg;
            ddldvd = dldem * demdvd - dldvd;
            ddldvb = dldem * demdvb;
        }

        var gds0 = 0.0;
        if (modulated)
        {
            // punch-through approximation
            if (delxl > 0.5 * _length)
            {
                delxl = _length - (_length * _length / (4.0 * delxl));
                var arga = 4.0 * (_length - delxl) * (_length - delxl) / (_length * _length);
                ddldvg *= arga;
                ddldvd *= arga;
                ddldvb *= arga;
                dldvd *= arga;
            }
            // saturation region
            var dlonxl = delxl * oneOverXl;
            var xlfact = 1.0 / (1.0 - dlonxl);
            cdrain *= xlfact;
            var diddl = cdrain / (_length - delxl);
            gm = gm * xlfact + diddl * ddldvg;
            gmbs = gmbs * xlfact + diddl * ddldvb;
            gds0 = diddl * ddldvd;
            gm += gds0 * dvsdvg;
            gmbs += gds0 * dvsdvb;
            gds = gds * xlfact + diddl * dldvd + gds0 * dvsdvd;
        }

        // weak inversion: the strong-inversion current at von, falling exponentially below it
        if (vgs < von)
        {
            var onxn = 1.0 / xn;
            var ondvt = onxn / vt;
            var wfact = Math.Exp((vgs - von) * ondvt);
            cdrain *= wfact;
            var gms = gm * wfact;
            var gmw = cdrain * ondvt;
            gm = gmw;
            if (vds > vdsat) gm += gds0 * dvsdvg * wfact;
            gds = gds * wfact + (gms - gmw) * dvodvd;
            gmbs = gmbs * wfact + (gms - gmw) * dvodvb - gmw * (vgs - von) * onxn * dxndvb;
        }
        return cdrain;
    }
}
