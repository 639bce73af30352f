/* A commune's perimeter in words: "Zone d'initiative privée — Orange", and whether it is outside the public programme. */
import { isPrivatePerimeter } from './style-rules.js';
import { t } from './map-i18n.js';

/** The perimeter's name with its operator(s) when there are: tiles and answers give the operator's name. */
export function perimeterText(kind, operatorName) {
  if (!kind) return null;
  const name = t('perimeter.' + kind);
  return operatorName && kind !== 'VERY_DENSE' ? t('perimeter.withOperator', { perimeter: name, operator: operatorName }) : name;
}

/** The popup's sentence for a commune outside the public programme, null for a public one. */
export function outsideProgrammeText(kind, operatorName) {
  if (!isPrivatePerimeter(kind)) return null;
  return t('perimeter.outside', { perimeter: perimeterText(kind, operatorName) });
}
