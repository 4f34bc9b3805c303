import { Migration } from '@mikro-orm/migrations';

export class Migration20261207010442 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "devices_device" add column "smart_license_enabled" boolean not null default false, add column "smart_license_profile" varchar(64) not null default 'CiscoTAC-1', add column "smart_license_state" varchar(20) not null default 'UNIDENTIFIED', add column "smart_license_id_token_sealed" text null, add column "smart_license_registered_at" timestamptz null, add column "smart_license_id_renewed_at" timestamptz null, add column "smart_license_authorization_renewed_at" timestamptz null, add column "call_home_aaa_authorization" boolean not null default false, add column "call_home_aaa_authorization_username" varchar(64) not null default 'callhome', add column "call_home_contact_email" varchar(254) null, add column "call_home_data_privacy_level" varchar(10) not null default 'NORMAL', add column "call_home_data_privacy_hostname" boolean not null default false, add column "call_home_http_proxy_server_address" varchar(255) null, add column "call_home_http_proxy_server_port" int null, add column "call_home_rate_limit" int not null default 20;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "devices_device" drop column "smart_license_enabled", drop column "smart_license_profile", drop column "smart_license_state", drop column "smart_license_id_token_sealed", drop column "smart_license_registered_at", drop column "smart_license_id_renewed_at", drop column "smart_license_authorization_renewed_at", drop column "call_home_aaa_authorization", drop column "call_home_aaa_authorization_username", drop column "call_home_contact_email", drop column "call_home_data_privacy_level", drop column "call_home_data_privacy_hostname", drop column "call_home_http_proxy_server_address", drop column "call_home_http_proxy_server_port", drop column "call_home_rate_limit";`);
  }

}
