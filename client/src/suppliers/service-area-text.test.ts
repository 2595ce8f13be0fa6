import { describe, expect, it } from 'vitest';
import { serviceAreaText } from './service-area-text';

const none = { regions: [], departements: [] };

describe('serviceAreaText', () => {
  it('names the départements', () => {
    expect(
      serviceAreaText({ kind: 'DEPARTEMENTS', ...none, departements: [{ code: '57', name: 'Moselle' }, { code: '54', name: 'Meurthe-et-Moselle' }] }),
    ).toBe('Intervient dans : Moselle, Meurthe-et-Moselle');
  });

  it('gives the radius around the site', () => {
    expect(serviceAreaText({ kind: 'RADIUS', radiusKm: 30, ...none })).toBe('Intervient dans un rayon de 30 km autour de son site');
    expect(serviceAreaText({ kind: 'RADIUS', radiusKm: 1200, ...none })).toBe('Intervient dans un rayon de 1\u202f200 km autour de son site');
    expect(serviceAreaText({ kind: 'RADIUS', radiusKm: null, ...none })).toBe('Intervient autour de son site');
  });

  it('says all of France for a national area', () => {
    expect(serviceAreaText({ kind: 'NATIONAL', ...none })).toBe('Intervient dans toute la France');
  });

  it('names one région or several', () => {
    expect(serviceAreaText({ kind: 'REGIONS', ...none, regions: [{ name: 'Grand Est' }] })).toBe('Intervient dans la région : Grand Est');
    expect(serviceAreaText({ kind: 'REGIONS', ...none, regions: [{ name: 'Grand Est' }, { name: 'Bretagne' }] })).toBe(
      'Intervient dans les régions : Grand Est, Bretagne',
    );
  });

  it('says when a list area names nothing', () => {
    expect(serviceAreaText({ kind: 'DEPARTEMENTS', ...none })).toBe('Périmètre d’intervention non renseigné');
    expect(serviceAreaText({ kind: 'REGIONS', ...none })).toBe('Périmètre d’intervention non renseigné');
  });
});
